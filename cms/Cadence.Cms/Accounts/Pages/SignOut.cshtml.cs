using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<CadenceUser> signIn, UserManager<CadenceUser> users) : PageModel
{
    public void OnGet() { }

    /// <summary>
    /// Ends every session of the account, not just this browser's: a new security stamp makes each other copy of the
    /// sign-in cookie fail its next check (on its next request).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData.Notice("You are signed out.");
        return Redirect(ManagerRoutes.SignIn);
    }
}
