using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Invitation links: like reset links (single use: they die when the password is set), but a week long, because an
/// invited colleague may not read the email within the hour a reset link lasts. Their own protector purpose, so a
/// reset token is never taken for an invitation or the other way round.
/// </summary>
public sealed class InvitationTokens(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<CadenceUser>> logger)
    : DataProtectorTokenProvider<CadenceUser>(protection, options, logger)
{
    public const string ProviderName = "Invitation";
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = InvitationTokens.ProviderName;
        TokenLifespan = PasswordResets.InvitationLifetime;
    }
}
