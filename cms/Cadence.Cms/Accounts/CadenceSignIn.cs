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

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CadenceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}
