using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(PasswordSignIn passwords) : PageModel
{
    /// <summary>One answer for a wrong password and for an address with no account.</summary>
    public const string MismatchMessage = "That email and password do not match an account. Check both and try again.";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public IActionResult OnGet() => Roles.All.Any(User.IsInRole)
        ? LocalRedirect(ManagerRoutes.Home)
        : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await passwords.SignInAsync(Email.Trim(), Password, RememberMe, HttpContext.Connection.RemoteIpAddress);
        var next = SafeReturnUrl(ReturnUrl);
        if (outcome.State == SignInState.SignedIn) return LocalRedirect(next);
        if (outcome.State == SignInState.NeedsCode) return LocalRedirect(ManagerRoutes.SignInCode(next, RememberMe));

        Message = outcome.State switch
        {
            SignInState.Slowed => $"Too many wrong tries for this email address from your device. Wait {SignInThrottle.Describe(outcome.Wait)} and try again, " +
                                  "or reset your password with the link below.",
            SignInState.Disabled => "This account is disabled. Ask an administrator to enable it.",
            _ when outcome.Wait > TimeSpan.Zero => $"{MismatchMessage} After several wrong tries, wait {SignInThrottle.Describe(outcome.Wait)} before the next.",
            _ => MismatchMessage,
        };
        return Page();
    }

    /// <summary>Only a manager address on this site: never somewhere else after signing in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(ManagerRoutes.Home, StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\') ? returnUrl : ManagerRoutes.Home;
}
