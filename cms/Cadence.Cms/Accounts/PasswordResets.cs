using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Forgotten passwords and invitations: links that set a password. A reset link lasts <see cref="ResetLifetime"/>,
/// an invitation <see cref="InvitationLifetime"/>; both work once (setting the password changes the security stamp
/// the token is bound to, which also ends every open session of the account).
/// </summary>
public sealed class PasswordResets(UserManager<CadenceUser> users, AccountMail mail, TimeProvider clock)
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Long enough to cover finding the account and queuing its email, so the answer takes the same time whether or not
    /// the address has an account.
    /// </summary>
    public static readonly TimeSpan SteadyAnswerTime = TimeSpan.FromMilliseconds(400);

    /// <summary>Mails a reset link if an enabled account has <paramref name="email"/>; says nothing either way.</summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var user = await users.FindByEmailAsync(email);
        if (user is { IsDisabled: false })
            await mail.SendResetLinkAsync(user, invitation: false, cancellationToken);
        var left = SteadyAnswerTime - clock.GetElapsedTime(started);
        if (left > TimeSpan.Zero) await Task.Delay(left, clock, cancellationToken);
    }

    /// <summary>Sets the password with a mailed token: an invitation's for an invited person, else a reset's.</summary>
    public async Task<IdentityResult> ResetAsync(CadenceUser user, string token, string password)
    {
        if (!user.EmailConfirmed && await users.VerifyUserTokenAsync(user, InvitationTokens.ProviderName, UserManager<CadenceUser>.ResetPasswordTokenPurpose, token))
            token = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, token, password);
    }
}
