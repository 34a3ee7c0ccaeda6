using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Forms.Pages;

/// <summary>
/// Erases everything held about one email address, after the person asked (GDPR article 17). Two steps: the first
/// shows what would go, the second erases it. The address travels in the post body, never in an address bar or log.
/// </summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class EraseModel(PersonalDataEraser eraser) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the email address to erase."), EmailAddress(ErrorMessage = "Enter an email address, such as ada@example.com.")]
    public string? Email { get; set; }

    /// <summary>What would be erased; set after the first step, when the page asks for confirmation.</summary>
    public ErasureReport? Found { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        Found = await eraser.PreviewAsync(Email!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var report = await eraser.EraseAsync(Email!, cancellationToken);
        TempData.Notice($"Erased {Count(report.Submissions, "submission")}, {Count(report.Subscribers, "newsletter subscription")} and {Count(report.Mails, "email")} for {Email!.Trim()}.");
        return Redirect(ManagerRoutes.Erase);
    }

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
