using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

public sealed class ChangePasswordModel(UserManager<CadenceUser> users, SignInManager<CadenceUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password)]
    public string New { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(New),
                    error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user); // the security stamp changed; keep this session, end the others
        TempData.Notice("Your password is changed.");
        return Redirect(ManagerRoutes.Profile);
    }
}
