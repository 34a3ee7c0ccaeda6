using System.Globalization;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadence.Cms.Mail.Pages;

/// <summary>Every queued email, newest first: sent, waiting, retrying or failed, with the error and a "retry now" button.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class OutboxModel(OutboxQueries outbox) : PageModel
{
    [BindProperty(SupportsGet = true)] public OutboxMailState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public OutboxPage Result { get; private set; } = new([], 1, 1, 0, new OutboxHealth(0, 0, 0));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await outbox.ListAsync(State, PageNumber, cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        if (await outbox.RetryNowAsync(id, cancellationToken)) TempData.Notice("Sending it again now. Reload in a moment to see how it went.");
        else TempData.Problem("That email was already sent, or is no longer in the outbox.");
        return Redirect(Link(PageNumber));
    }

    public string Link(int page) => QueryHelpers.AddQueryString(ManagerRoutes.Mail, new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(), ["p"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(q => !string.IsNullOrEmpty(q.Value)));
}
