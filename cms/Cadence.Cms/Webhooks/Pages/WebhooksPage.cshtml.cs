using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Webhooks.Pages;

/// <summary>Webhook endpoints and the delivery log, with redelivery. Admins and Editors only.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class WebhooksPage(WebhookTargets targets, DeliveryQueue queue) : PageModel
{
    public const int LogSize = 50;

    public IReadOnlyList<WebhookTarget> Configured { get; private set; } = [];
    public IReadOnlyList<WebhookEndpoint> Stored { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    [BindProperty] public EndpointForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var problem = await targets.AddAsync(new NewEndpoint(Form.Url, Form.Kind, Form.Secret, Form.Token, Form.Events), cancellationToken);
            if (problem is null)
            {
                Message = $"Added {Form.Url}.";
                return RedirectToPage();
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
        Message = "Endpoint removed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRedeliverAsync(long id, CancellationToken cancellationToken)
    {
        if (!await queue.RedeliverAsync(id, cancellationToken)) return NotFound();
        Message = "Queued for redelivery.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Configured = (await targets.AllAsync(cancellationToken)).Where(t => t.FromConfiguration).ToList();
        Stored = await targets.StoredAsync(cancellationToken);
        Deliveries = await queue.RecentAsync(LogSize, cancellationToken);
    }

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    public sealed class EndpointForm
    {
        [Required, MaxLength(2000), Display(Name = "URL (or owner/repo for GitHub)")] public string Url { get; set; } = "";
        public WebhookKind Kind { get; set; }
        [MaxLength(500), Display(Name = "Signing secret")] public string? Secret { get; set; }
        [MaxLength(500), Display(Name = "GitHub token")] public string? Token { get; set; }
        public List<string> Events { get; set; } = [];
    }
}
