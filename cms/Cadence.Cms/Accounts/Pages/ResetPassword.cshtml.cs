using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class ResetPasswordModel(UserManager<CadenceUser> users, PasswordResets resets, SignInThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true), Required(ErrorMessage = "Enter your email address."), EmailAddress]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        var result = user is null || string.IsNullOrEmpty(Token)
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "" })
            : await resets.ResetAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                if (error.Code == "InvalidToken")
                    ModelState.AddModelError("", "This link has expired or was already used. Ask for a new one on the sign-in page.");
                else ModelState.AddModelError(nameof(Password), error.Description);
            return Page();
        }
        // A successful reset proves control of the mailbox, so this device's wrong tries are forgiven. The new
        // security stamp has ended every open session of the account.
        throttle.Succeeded(Email, HttpContext.Connection.RemoteIpAddress);
        if (!user!.EmailConfirmed)
        {
            // An invited person choosing a password through the mailed link: the invitation is accepted.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        TempData.Notice("Your password is saved. Sign in with it now.");
        return Redirect(ManagerRoutes.SignIn);
    }
}
