using System.Globalization;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadence.Cms.Forms.Pages;

/// <summary>The newsletter list: who is confirmed (with the time and address of the confirmation, the proof of consent), pending or gone.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class SubscribersModel(SubscriberQueries subscribers) : PageModel
{
    [BindProperty(SupportsGet = true)] public SubscriberStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SubscriberPage Result { get; private set; } = new([], 1, 1, 0, new Dictionary<SubscriberStatus, int>());

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await subscribers.ListAsync(Status, Email, PageNumber, cancellationToken);

    public string Link(int page) => QueryHelpers.AddQueryString(ManagerRoutes.Subscribers, new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(), ["email"] = Email, ["p"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(q => !string.IsNullOrEmpty(q.Value)));
}
