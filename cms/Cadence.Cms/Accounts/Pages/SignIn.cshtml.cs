using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(SignInManager<CadenceUser> signIn) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(ManagerRoutes.Home, StringComparison.Ordinal) ? ReturnUrl : ManagerRoutes.Home);

        Message = result switch
        {
            { IsLockedOut: true } => $"This account is locked for 15 minutes after {IdentitySetup.MaxFailedSignIns} failed sign-ins. " +
                                     "Wait, or reset your password with the link below.",
            { IsNotAllowed: true } => "This account is disabled. Ask an administrator to enable it.",
            _ => "That email and password do not match an account. Check both and try again.",
        };
        return Page();
    }
}
