using Cadence.Cms.Accounts;
using Cadence.Cms.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms.Pages;

/// <summary>
/// One submission, every field shown as text, with what became of its emails and its ebook link.
/// Opening it marks it read; buttons mark it unread or move it between Inbox and Spam.
/// </summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class SubmissionDetailModel(InboxQueries inbox, FormsCatalog catalog, ManagerClock clock, IOptions<FormsOptions> options) : PageModel
{
    public Submission Submission { get; private set; } = null!;
    public FormDefinition? Form { get; private set; }
    public string? NotificationState { get; private set; }
    public string? ReaderMailState { get; private set; }

    /// <summary>When the ebook link stops working: it carries its own expiry, made from the settings at the time.</summary>
    public DateTime? DownloadExpiresAt { get; private set; }

    public bool DownloadExpired => DownloadExpiresAt <= clock.UtcNow;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await inbox.FindWithMailAsync(id, cancellationToken);
        if (found is null) return NotFound();
        if (!found.IsRead) await inbox.SetReadAsync(id, true, cancellationToken);
        Submission = found;
        Form = (await catalog.GetAsync(cancellationToken)).Forms.GetValueOrDefault(found.FormKey);
        if (found.NotificationMail is { } notification) NotificationState = await MailStateText.DescribeAsync(notification, clock);
        if (found.ReaderMail is { } reader) ReaderMailState = await MailStateText.DescribeAsync(reader, clock);
        if (found.DownloadKey is not null) DownloadExpiresAt = found.ReceivedAt.AddDays(options.Value.DownloadLinkDays);
        return Page();
    }

    public async Task<IActionResult> OnPostUnreadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await inbox.SetReadAsync(id, false, cancellationToken)) return NotFound();
        TempData.Notice("Marked as unread.");
        return Redirect(ManagerRoutes.Inbox);
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, SubmissionFolder folder, CancellationToken cancellationToken)
    {
        if (!await inbox.MoveAsync(id, folder, cancellationToken)) return NotFound();
        TempData.Notice(folder == SubmissionFolder.Spam ? "Moved to Spam." : "Moved back to the inbox.");
        return Redirect(ManagerRoutes.Submission(id));
    }

    public string Label(string name) => Form?.Fields.FirstOrDefault(f => f.Name == name)?.Label ?? name;

    public Task<string> FormatAsync(DateTime? utc) => clock.FormatAsync(utc);
}
