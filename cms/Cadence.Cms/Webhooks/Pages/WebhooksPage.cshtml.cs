using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Webhooks.Pages;

/// <summary>Webhook endpoints and the delivery log (25 a page), with redelivery. Admins and Editors only.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class WebhooksPage(WebhookTargets targets, DeliveryQueue queue) : PageModel
{
    public const int LogPageSize = 25;

    public IReadOnlyList<WebhookTarget> Configured { get; private set; } = [];
    public IReadOnlyList<WebhookEndpoint> Stored { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    public int DeliveryPages { get; private set; } = 1;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public EndpointForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var problem = await targets.AddAsync(new NewEndpoint(Form.Url, Form.Kind, Form.Secret, Form.Token, Form.Events), cancellationToken);
            if (problem is null)
            {
                TempData.Notice($"Added {Form.Url.Trim()}. The next change to the site's content is sent there.");
                return Redirect(ManagerRoutes.Webhooks);
            }
            ModelState.AddModelError($"{nameof(Form)}.{Capitalised(problem.Field)}", problem.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        await targets.RemoveAsync(id, cancellationToken);
        TempData.Notice("Endpoint removed.");
        return Redirect(ManagerRoutes.Webhooks);
    }

    public async Task<IActionResult> OnPostRedeliverAsync(long id, CancellationToken cancellationToken)
    {
        if (!await queue.RedeliverAsync(id, cancellationToken)) return NotFound();
        TempData.Notice("Queued for redelivery: it is sent within a few seconds and shows at the top of the log.");
        return Redirect(ManagerRoutes.WebhookLog);
    }

    public string PageLink(int page) => page > 1 ? $"{ManagerRoutes.Webhooks}?p={page}#deliveries-heading" : ManagerRoutes.WebhookLog;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Configured = (await targets.AllAsync(cancellationToken)).Where(t => t.FromConfiguration).ToList();
        Stored = await targets.StoredAsync(cancellationToken);
        var (items, total) = await queue.PageAsync(PageNumber, LogPageSize, cancellationToken);
        DeliveryPages = new Paging(PageNumber, LogPageSize, total).Pages;
        if (PageNumber > DeliveryPages || PageNumber < 1)
        {
            PageNumber = Math.Clamp(PageNumber, 1, DeliveryPages);
            (items, _) = await queue.PageAsync(PageNumber, LogPageSize, cancellationToken);
        }
        Deliveries = items;
    }

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    public sealed class EndpointForm
    {
        [Required(ErrorMessage = "Enter the receiver's URL (or owner/repo for GitHub)."), MaxLength(2000), Display(Name = "URL (or owner/repo for GitHub)")]
        public string Url { get; set; } = "";
        public WebhookKind Kind { get; set; }
        [MaxLength(500), Display(Name = "Signing secret")] public string? Secret { get; set; }
        [MaxLength(500), Display(Name = "GitHub token")] public string? Token { get; set; }
        public List<string> Events { get; set; } = [];
    }
}
