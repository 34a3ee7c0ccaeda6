using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Contract;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms.Pages;

/// <summary>One field's part of the editor: its position, how many there are, and the page's address for the field buttons.</summary>
public sealed record FieldEditorRow(int Index, FieldDraft Field, int Count, string Action);

/// <summary>
/// Makes or changes one form. Fields are added, removed and moved by buttons that post the page back unsaved, so it
/// works without script (forms-editor.js does the same in place). A save based on an older version is refused.
/// </summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed partial class EditFormModel(CadenceDb db, FormEditor editor, FormUsage usage) : PageModel
{
    [BindProperty] public FormDraft Draft { get; set; } = new();

    /// <summary>The form's version when this page was opened: a save based on an older one is refused.</summary>
    [BindProperty] public int Version { get; set; }

    /// <summary>The PDF readers get, when one is chosen.</summary>
    [BindProperty] public IFormFile? Download { get; set; }

    /// <summary>An unsaved change to the field list: add, or remove-N, up-N, down-N.</summary>
    [BindProperty] public string? FieldChange { get; set; }

    /// <summary>The form as stored; null for a new one.</summary>
    public FormDefinition? Stored { get; private set; }
    public IReadOnlyList<FormUse> UsedBy { get; private set; } = [];
    public bool IsNew => Stored is null;
    public bool KeyIsFixed => UsedBy.Count > 0;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Draft = Stored is null ? NewDraft() : FormDraft.From(Stored);
        Version = Stored?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        PdfUpload? pdf = null;
        if (Download is { Length: > 0 } file)
        {
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, cancellationToken);
            pdf = new PdfUpload(file.FileName, bytes.ToArray());
        }
        switch (await editor.SaveAsync(id, Draft, Version, pdf, cancellationToken))
        {
            case FormSaved saved:
                TempData.Notice(UsedBy.Any(u => u.IsLive)
                    ? $"“{saved.Form.Title}” saved. The site is updating the posts that show it."
                    : $"“{saved.Form.Title}” saved. Place it in a post with “Add call to action”.");
                return Redirect(ManagerRoutes.Form(saved.Form.Id));
            case FormConflict conflict:
                return Refused(conflict.Stored, pdf is not null);
            case FormInvalid invalid:
                foreach (var problem in invalid.Problems)
                    ModelState.AddModelError(problem.Property == "Download" ? nameof(Download) : $"{nameof(Draft)}.{problem.Property}", problem.Message);
                if (pdf is not null) ModelState.AddModelError(nameof(Download), "Nothing was stored: choose the PDF again when you save.");
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Adds, removes or moves a field without saving, and shows the page again.</summary>
    public async Task<IActionResult> OnPostFieldsAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var parts = (FieldChange ?? "").Split('-', 2);
        var index = parts.Length == 2 && int.TryParse(parts[1], out var n) && n >= 0 && n < Draft.Fields.Count ? n : -1;
        switch (parts[0])
        {
            case "add":
                Draft.Fields.Add(new FieldDraft());
                break;
            case "remove" when index >= 0:
                Draft.Fields.RemoveAt(index);
                break;
            case "up" when index > 0:
                (Draft.Fields[index - 1], Draft.Fields[index]) = (Draft.Fields[index], Draft.Fields[index - 1]);
                break;
            case "down" when index >= 0 && index < Draft.Fields.Count - 1:
                (Draft.Fields[index + 1], Draft.Fields[index]) = (Draft.Fields[index], Draft.Fields[index + 1]);
                break;
        }
        ModelState.Clear(); // the inputs show the changed list, not what was posted at each position
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var form = await db.Forms.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (form is null) return NotFound();
        var uses = await editor.DeleteAsync(form, cancellationToken);
        if (uses.Count > 0)
        {
            TempData.Problem($"“{form.Title}” was not deleted: {Names(uses)} {(uses.Count == 1 ? "places" : "place")} it. Take it out of "
                             + $"{(uses.Count == 1 ? "that post" : "those posts")} first.");
            return Redirect(ManagerRoutes.Form(id));
        }
        TempData.Notice($"“{form.Title}” deleted. Its submissions stay in the inbox.");
        return Redirect(ManagerRoutes.Forms);
    }

    /// <summary>The posts, named as the owner knows them: “Title” (in the trash), …</summary>
    public static string Names(IEnumerable<FormUse> uses) =>
        string.Join(", ", uses.Select(u => $"“{u.Title}”{(u.InTrash ? " (in the trash)" : "")}"));

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null) return true;
        Stored = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (Stored is null) return false;
        UsedBy = await usage.OfAsync(Stored.Key, cancellationToken);
        return true;
    }

    /// <summary>A new form starts with what most need: a name and an email address.</summary>
    private static FormDraft NewDraft() => new()
    {
        Fields =
        [
            new FieldDraft { Label = "Your name", Type = FormFieldTypes.Text, Required = true },
            new FieldDraft { Label = "Email address", Type = FormFieldTypes.Email, Required = true },
        ],
    };
}
