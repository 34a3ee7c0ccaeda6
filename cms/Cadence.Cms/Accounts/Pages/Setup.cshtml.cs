using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

/// <summary>The owner makes the first Admin account through the one-time address the CMS printed, and is signed in.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SetupModel(SetupInvitation invitation, UserAccounts accounts, UserManager<CadenceUser> users, SignInManager<CadenceUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your name."), StringLength(100), Display(Name = "Your name")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>The address is used, expired or was never issued: the page says so and what to do instead.</summary>
    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await IsOpenAsync() ? Page() : ClosedPage();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync()) return ClosedPage();
        if (!ModelState.IsValid) return Page();
        if (!invitation.TryClaim(Token)) return ClosedPage(); // another tab got there first

        CadenceUser user;
        try
        {
            user = await accounts.CreateAsync(Email.Trim(), Roles.Admin, Password, Name.Trim());
        }
        catch (AccountException e)
        {
            invitation.Release();
            ModelState.AddModelError(nameof(Password), e.Message);
            return Page();
        }
        invitation.Close();
        await signIn.SignInAsync(user, isPersistent: false);
        TempData.Notice($"Welcome, {user.DisplayName}. Your account is ready: this is your dashboard.");
        return LocalRedirect(ManagerRoutes.Home);
    }

    /// <summary>Open while the token matches and still no Admin exists (one may have been made from the command line).</summary>
    private async Task<bool> IsOpenAsync()
    {
        if (!invitation.IsOpen(Token)) return false;
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0) return true;
        invitation.Close();
        return false;
    }

    private PageResult ClosedPage()
    {
        Closed = true;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
