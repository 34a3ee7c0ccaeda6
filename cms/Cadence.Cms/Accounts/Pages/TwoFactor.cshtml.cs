using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Accounts.Pages;

/// <summary>A person's own two-factor sign-in: set it up with an authenticator app, new recovery codes, or turn it off.</summary>
public sealed class TwoFactorModel(UserManager<CadenceUser> users, SignInManager<CadenceUser> signIn, AuthenticatorApp app, TwoFactorPolicy policy, CadenceDb db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code your app shows."), StringLength(12)]
    public string Code { get; set; } = "";

    public bool IsOn { get; private set; }
    public bool IsRequired { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (IsOn) return Redirect(ManagerRoutes.TwoFactor);
        if (!ModelState.IsValid) return Page();
        var codes = await app.TurnOnAsync(user, Code);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), "That code does not match. Check the app shows this account, and type the code it shows now.");
            return Page();
        }
        await signIn.RefreshSignInAsync(user); // this session stays, with the two-factor claim; others sign in again
        return await ShowCodesAsync(user, codes);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (!IsOn) return Redirect(ManagerRoutes.TwoFactor);
        return await ShowCodesAsync(user, await app.NewRecoveryCodesAsync(user));
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (IsRequired)
        {
            TempData.Problem("Your clinic requires two-factor sign-in for everyone, so it stays on. An Admin can change that on the Users page.");
            return Redirect(ManagerRoutes.TwoFactor);
        }
        await app.TurnOffAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData.Notice("Two-factor sign-in is off. You sign in with your password only.");
        return Redirect(ManagerRoutes.TwoFactor);
    }

    private async Task<PageResult> ShowCodesAsync(CadenceUser user, IReadOnlyList<string> codes)
    {
        ModelState.Clear();
        await LoadAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    private async Task<CadenceUser?> LoadAsync(CadenceUser? known = null)
    {
        var user = known ?? await users.GetUserAsync(User);
        if (user is null) return null;
        IsOn = user.TwoFactorEnabled;
        IsRequired = await policy.IsRequiredAsync(HttpContext.RequestAborted);
        if (IsOn) RecoveryCodesLeft = await app.RecoveryCodesLeftAsync(user);
        else Setup = await app.SetupAsync(user, await IssuerAsync());
        return user;
    }

    // The name the app lists the account under: the clinic's, so the owner recognises it among other accounts.
    private async Task<string> IssuerAsync()
    {
        var clinic = await db.Settings.AsNoTracking().Select(s => s.ClinicName).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return string.IsNullOrWhiteSpace(clinic) ? "Cadence" : $"{clinic} (Cadence)";
    }
}
