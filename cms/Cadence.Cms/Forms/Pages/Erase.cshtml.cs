using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Forms.Pages;

/// <summary>Erases everything held about one email address, after the person asked (GDPR article 17).</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class EraseModel(PersonalDataEraser eraser) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the email address to erase."), EmailAddress(ErrorMessage = "Enter an email address.")]
    public string? Email { get; set; }

    [BindProperty] public bool Confirmed { get; set; }

    public ErasureReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Confirmed) ModelState.AddModelError(nameof(Confirmed), "Tick the box to confirm: erasing cannot be undone.");
        if (!ModelState.IsValid) return Page();
        Report = await eraser.EraseAsync(Email!, cancellationToken);
        return Page();
    }
}
