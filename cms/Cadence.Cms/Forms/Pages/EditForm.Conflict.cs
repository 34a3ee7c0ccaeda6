using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Forms.Pages;

/// <summary>A part of the form someone else saved differently from what this person submitted.</summary>
public sealed record StoredFormValue(string Label, string Stored);

public sealed partial class EditFormModel
{
    /// <summary>Set when someone else saved after this page was opened: what they stored, where it differs from this person's values.</summary>
    public IReadOnlyList<StoredFormValue>? Conflict { get; private set; }
    public bool ConflictDroppedFile { get; private set; }

    /// <summary>
    /// Shows the page again with this person's values still in the form and, beside them, what is stored now; the form
    /// then carries the stored version, so saving again deliberately overwrites.
    /// </summary>
    private PageResult Refused(FormDefinition stored, bool droppedFile)
    {
        Conflict = Differing(Draft, FormDraft.From(stored));
        ConflictDroppedFile = droppedFile;
        Stored = stored;
        ModelState.Remove(nameof(Version)); // else the form would show the posted version rather than the stored one
        Version = stored.Version;
        return Page();
    }

    private static List<StoredFormValue> Differing(FormDraft mine, FormDraft theirs)
    {
        (string Label, Func<FormDraft, string> Read)[] parts =
        [
            ("Title", d => d.Title.Trim()),
            ("Introduction", d => d.Intro?.Trim() ?? ""),
            ("Fields", d => string.Join("\n", d.Fields.Select(f =>
                $"{f.Label.Trim()} ({FormRules.FieldTypes.FirstOrDefault(t => t.Type == f.Type).Label ?? f.Type}{(f.Required ? ", required" : "")})"
                + (FieldDraft.OptionLines(f.Options) is { Count: > 0 } options ? ": " + string.Join(", ", options) : "")))),
            ("Send button", d => d.SubmitLabel.Trim()),
            ("Message after sending", d => d.SuccessMessage.Trim()),
            ("Notification email", d => d.NotificationEmail?.Trim() ?? ""),
            ("Gives a download", d => d.GivesDownload ? "Yes" : "No"),
        ];
        return parts.Where(p => p.Read(mine) != p.Read(theirs)).Select(p => new StoredFormValue(p.Label, p.Read(theirs))).ToList();
    }
}
