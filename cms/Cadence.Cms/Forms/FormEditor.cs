using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Cadence.Contract;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>A PDF chosen in the form editor, not yet stored.</summary>
public sealed record PdfUpload(string FileName, byte[] Bytes);

public abstract record FormSaveResult;
public sealed record FormSaved(FormDefinition Form) : FormSaveResult;
public sealed record FormInvalid(IReadOnlyList<FormProblem> Problems) : FormSaveResult;

/// <summary>Someone else saved the form after this editor opened it: nothing was written; <see cref="Stored"/> is what is there now.</summary>
public sealed record FormConflict(FormDefinition Stored) : FormSaveResult;
public sealed record FormMissing : FormSaveResult;

/// <summary>
/// Creates, changes and deletes forms for the manager: checks them, stores a download's PDF as a private media file,
/// refuses a save based on an older version, and makes the submission endpoint use the new definition at once.
/// The site hears of the change through the save itself (<see cref="Content.SiteChangeDetector"/>).
/// </summary>
public sealed class FormEditor(CadenceDb db, MediaLibrary media, FormUsage usage, FormsCatalog catalog, IOptions<FormsOptions> options)
{
    public async Task<FormSaveResult> SaveAsync(int? id, FormDraft draft, int version, PdfUpload? pdf, CancellationToken cancellationToken = default)
    {
        var form = id is { } existing ? await db.Forms.SingleOrDefaultAsync(f => f.Id == existing, cancellationToken) : null;
        if (id is not null && form is null) return new FormMissing();
        if (form is not null && form.Version != version) return new FormConflict(form);

        var problems = new List<FormProblem>();
        var key = await KeyAsync(form, draft, problems, cancellationToken);
        var fields = draft.ToFields();
        if (pdf is not null && ImageSize.Detect(pdf.Bytes)?.ContentType != "application/pdf")
        {
            problems.Add(new FormProblem("Download", $"“{pdf.FileName}” is not a PDF. Choose a PDF file."));
            pdf = null;
        }
        else if (pdf is not null && pdf.Bytes.Length > MediaLibrary.MaxBytes)
        {
            problems.Add(new FormProblem("Download", $"The file is larger than {MediaLibrary.MaxBytes / 1024 / 1024} MB."));
            pdf = null;
        }
        var kind = draft.GivesDownload ? FormKind.Download
            : FormKinds.Of(new FormDefinition { Key = key, Title = draft.Title, Fields = fields }, options.Value.NewsletterForm);
        problems.AddRange(FormRules.Check(draft, fields, kind, hasFile: pdf is not null || form?.AssetFileName is not null));
        if (problems.Count > 0) return new FormInvalid(problems);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var asset = form?.AssetFileName;
        if (pdf is not null) asset = (await media.AddAsync(pdf.FileName, pdf.Bytes, isPublic: false, cancellationToken: cancellationToken)).FileName;
        // Without script a reader lands on the site's thank-you page for the form, which the site builds from this path.
        if (form is null) db.Forms.Add(form = new FormDefinition { Key = key, Title = "", ThankYouPath = ThankYouPath(key) });
        else if (form.Key != key) // unused by posts (checked above); its submissions and thank-you page follow it
        {
            await db.Submissions.Where(s => s.FormKey == form.Key).ExecuteUpdateAsync(u => u.SetProperty(s => s.FormKey, key), cancellationToken);
            if (form.ThankYouPath == ThankYouPath(form.Key)) form.ThankYouPath = ThankYouPath(key);
        }

        form.Key = key;
        form.Title = draft.Title.Trim();
        form.Intro = Trimmed(draft.Intro);
        form.Fields = fields;
        form.SubmitLabel = draft.SubmitLabel.Trim();
        form.SuccessMessage = draft.SuccessMessage.Trim();
        form.NotificationEmail = Trimmed(draft.NotificationEmail);
        form.AssetFileName = draft.GivesDownload ? asset : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) // another save landed between the check above and this write
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new FormConflict(await db.Forms.AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        catalog.Invalidate();
        return new FormSaved(form);
    }

    /// <summary>Deletes a form no post places; otherwise returns the posts that do, and deletes nothing.</summary>
    public async Task<IReadOnlyList<FormUse>> DeleteAsync(FormDefinition form, CancellationToken cancellationToken = default)
    {
        var uses = await usage.OfAsync(form.Key, cancellationToken);
        if (uses.Count > 0) return uses;
        db.Forms.Remove(form);
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return [];
    }

    /// <summary>The key the form will have: a new form's is made from its title unless given; a used form's never changes.</summary>
    private async Task<string> KeyAsync(FormDefinition? form, FormDraft draft, List<FormProblem> problems, CancellationToken cancellationToken)
    {
        var wanted = draft.Key?.Trim() ?? "";
        if (form is not null && (wanted.Length == 0 || wanted == form.Key)) return form.Key;
        var keys = await db.Forms.Where(f => form == null || f.Id != form.Id).Select(f => f.Key).ToListAsync(cancellationToken);
        if (wanted.Length == 0)
        {
            var stem = Markdown.Slug.From(draft.Title);
            return Markdown.Slug.Unique(stem.Length == 0 ? "form" : stem, keys.Contains);
        }
        if (form is not null && (await usage.OfAsync(form.Key, cancellationToken)).Count > 0)
        {
            problems.Add(new FormProblem(nameof(draft.Key), $"Posts place this form as “::: form {form.Key}”, so its key cannot change."));
            return form.Key;
        }
        if (FormRules.KeyProblem(wanted, keys.Contains(wanted)) is { } problem) problems.Add(new FormProblem(nameof(draft.Key), problem));
        return wanted;
    }

    private static string ThankYouPath(string key) => $"/thanks/{key}/";

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
