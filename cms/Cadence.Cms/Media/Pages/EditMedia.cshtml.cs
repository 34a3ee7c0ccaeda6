using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Media.Pages;

public sealed class EditMediaModel(CadenceDb db, MediaUsage usage, MediaLibrary library) : PageModel
{
    [BindProperty, StringLength(300, ErrorMessage = "Keep the description under 300 characters.")]
    public string? Alt { get; set; }

    public MediaFile Media { get; private set; } = null!;
    public IReadOnlyList<string> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Alt = Media.Alt;
        return Page();
    }

    /// <summary>
    /// Authors add files (and describe them as they upload); a description already on the site is shared by every post
    /// that shows the image, so changing it afterwards is the Editors' and Admins' work, like deleting.
    /// </summary>
    public bool MayTidy => Accounts.Roles.IsEditor(User);

    public async Task<IActionResult> OnPostAltAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!MayTidy) return Forbid();
        if (!ModelState.IsValid) return Page();
        Media.Alt = string.IsNullOrWhiteSpace(Alt) ? null : Alt.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Notice("The description is saved.");
        return Redirect(ManagerRoutes.MediaFile(id));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!MayTidy) return Forbid();
        if (UsedBy.Count > 0)
        {
            ModelState.AddModelError("", $"{Media.FileName} is still used by {string.Join("; ", UsedBy)}.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await library.DeleteAsync(Media, cancellationToken);
        TempData.Notice($"{Media.FileName} is deleted.");
        return Redirect(ManagerRoutes.Media);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var file = await db.Media.FindAsync([id], cancellationToken);
        if (file is null) return false;
        Media = file;
        UsedBy = await usage.WhereUsedAsync(file, cancellationToken);
        return true;
    }
}
