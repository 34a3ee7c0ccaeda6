using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

/// <summary>
/// The second sign-in step for people with two-factor sign-in on: the code from their app, or one recovery code.
/// Wrong codes are slowed per account and client address like wrong passwords.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInCodeModel(SignInManager<CadenceUser> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code from your app, or a recovery code."), StringLength(40)]
    public string Code { get; set; } = "";

    [BindProperty, Display(Name = "Don't ask for a code on this device for 30 days")]
    public bool RememberDevice { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(ManagerRoutes.SignIn) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData.Problem("Signing in took too long. Please enter your email and password again.");
            return Redirect(ManagerRoutes.SignIn);
        }
        if (!ModelState.IsValid) return Page();

        var client = HttpContext.Connection.RemoteIpAddress;
        var account = "code:" + user.Id;
        if (throttle.WaitBeforeNextTry(account, client) is { } wait)
        {
            Message = $"Too many wrong codes from your device. Wait {SignInThrottle.Describe(wait)} and try again.";
            return Page();
        }
        var code = AuthenticatorApp.Digits(Code.Trim());
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberDevice)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
        {
            throttle.Succeeded(account, client);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        throttle.Failed(account, client);
        Message = "That code does not match. Type the code your app shows now (it changes every 30 seconds), or one of your recovery codes.";
        return Page();
    }
}
