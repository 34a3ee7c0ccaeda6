using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class ForgotPasswordModel(UserManager<CadenceUser> users, AccountMail mail) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        // The answer is the same whether or not the account exists, so the form cannot be used to find accounts.
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { IsDisabled: false })
            await mail.SendResetLinkAsync(user, invitation: false, cancellationToken);
        Sent = true;
        return Page();
    }
}
