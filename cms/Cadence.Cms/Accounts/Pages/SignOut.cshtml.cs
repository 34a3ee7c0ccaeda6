using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<CadenceUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData.Notice("You are signed out.");
        return Redirect(ManagerRoutes.SignIn);
    }
}
