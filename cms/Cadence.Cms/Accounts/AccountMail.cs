using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cadence.Cms.Accounts;

/// <summary>The emails accounts need: a password-reset link, and an invitation (which is a reset link too), queued in the mail outbox.</summary>
public sealed class AccountMail(
    UserManager<CadenceUser> users, CadenceDb db, IMailOutbox outbox, CmsAddress address)
{
    public async Task SendResetLinkAsync(CadenceUser user, bool invitation, CancellationToken cancellationToken = default)
    {
        var token = invitation
            ? await users.GenerateUserTokenAsync(user, InvitationTokens.ProviderName, UserManager<CadenceUser>.ResetPasswordTokenPurpose)
            : await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{address.Value}{ManagerRoutes.ResetPassword}" +
                   $"?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
        var clinic = await db.Settings.AsNoTracking().Select(s => s.ClinicName).FirstOrDefaultAsync(cancellationToken) ?? "Cadence";

        var message = new MimeMessage();
        message.To.Add(new MailboxAddress(user.DisplayName ?? user.Email, user.Email ?? throw new InvalidOperationException("The user has no email address.")));
        message.Subject = invitation ? $"You're invited to write for {clinic}" : $"Reset your {clinic} manager password";
        message.Body = new TextPart("plain")
        {
            Text = invitation
                ? $"Hello,\n\nAn account has been made for you in the {clinic} manager. Choose your password here:\n\n{link}\n\n" +
                  $"The link works once, for {PasswordResets.InvitationLifetime.TotalDays:0} days. Then sign in with this email address.\n"
                : $"Hello,\n\nSomeone (hopefully you) asked to reset your password for the {clinic} manager. Choose a new one here:\n\n{link}\n\n" +
                  $"The link works once, for {PasswordResets.ResetLifetime.TotalMinutes:0} minutes. " +
                  "If you did not ask, ignore this email: your password stays as it is.\n",
        };
        await outbox.QueueAsync(message, cancellationToken); // the outbox adds the configured sender and delivers with retries
    }
}
