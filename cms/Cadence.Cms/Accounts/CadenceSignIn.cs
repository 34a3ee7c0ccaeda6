using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Identity's sign-in with one rule added: a disabled user cannot sign in, and an existing session of a user
/// who gets disabled ends at the next security-stamp check.
/// </summary>
public sealed class CadenceSignIn(
    UserManager<CadenceUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<CadenceUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<CadenceUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CadenceUser> confirmation)
    : SignInManager<CadenceUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CadenceUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// Signs in a user whose password was checked already (see <see cref="PasswordSignIn"/>), or, with two-factor
    /// sign-in on, starts the code step (unless this device was remembered).
    /// </summary>
    public Task<SignInResult> SignInAfterPasswordAsync(CadenceUser user, bool isPersistent) => SignInOrTwoFactorAsync(user, isPersistent);

    public override async Task<CadenceUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}

/// <summary>Adds the display name to the sign-in cookie, so every page can greet the person without a query.</summary>
public sealed class CadenceClaims(UserManager<CadenceUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CadenceUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayName = "cadence:display-name";

    /// <summary>Present when the user has two-factor sign-in on; kept current by the security-stamp check on every request.</summary>
    public const string TwoFactor = "cadence:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CadenceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactor, "on"));
        return identity;
    }
}
