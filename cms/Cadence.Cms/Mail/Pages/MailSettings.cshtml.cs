using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cadence.Cms.Mail.Pages;

/// <summary>How mail leaves the CMS (a pickup folder or an SMTP server), who it comes from, and a test email to oneself.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class MailSettingsModel(IMailTransport transport, IOptions<MailOptions> options, ClinicSender sender, IMailOutbox outbox, UserManager<CadenceUser> users) : PageModel
{
    /// <summary>The folder emails are written to instead of being sent, or null when they go to an SMTP server.</summary>
    public string? PickupFolder => (transport as PickupMailTransport)?.Folder;

    public SmtpOptions Smtp => options.Value.Smtp;
    public bool SenderConfigured => !string.IsNullOrWhiteSpace(options.Value.From);
    public MailboxAddress Sender { get; private set; } = null!;
    public string? MyEmail { get; private set; }

    public async Task OnGetAsync()
    {
        Sender = sender.Current();
        MyEmail = (await users.GetUserAsync(User))?.Email;
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me?.Email is null) return Forbid();
        var from = sender.Current();
        var text = $"Hello,\n\nThis is a test email from the {from.Name} manager. If you are reading it, email from the CMS reaches you: " +
                   "password resets, form notifications and ebook links will too.\n";
        await outbox.QueueAsync(new OutgoingMail(me.Email, $"Test email from {from.Name}", text), cancellationToken);
        TempData.Notice(PickupFolder is null
            ? $"A test email is on its way to {me.Email}. Its progress shows under Outgoing mail."
            : $"A test email to {me.Email} will be saved in {PickupFolder} within seconds.");
        return Redirect(ManagerRoutes.MailSettings);
    }
}
