using Cadence.Contract;

namespace Cadence.Cms.Forms;

/// <summary>
/// A form as the editor page posts it: plain settable values, so it binds from a form without script. Texts are never
/// null (model binding turns an emptied input into null).
/// </summary>
public sealed class FormDraft
{
    public string Title { get; set => field = value ?? ""; } = "";

    /// <summary>The address key posts use (<c>::: form KEY</c>); made from the title when left empty.</summary>
    public string? Key { get; set; }
    public string? Intro { get; set; }
    public List<FieldDraft> Fields { get; set; } = [];
    public string SubmitLabel { get; set => field = value ?? ""; } = "Send";
    public string SuccessMessage { get; set => field = value ?? ""; } = "Thank you. We have received your answers.";
    public string? NotificationEmail { get; set; }

    /// <summary>Whether readers get a file (a PDF) after sending.</summary>
    public bool GivesDownload { get; set; }

    public static FormDraft From(FormDefinition form) => new()
    {
        Title = form.Title, Key = form.Key, Intro = form.Intro, SubmitLabel = form.SubmitLabel, SuccessMessage = form.SuccessMessage,
        NotificationEmail = form.NotificationEmail, GivesDownload = form.AssetFileName is not null,
        Fields = form.Fields.Select(f => new FieldDraft
        {
            Name = f.Name, Label = f.Label, Type = f.Type, Required = f.Required, MaxLength = f.MaxLength, Options = string.Join("\n", f.Options),
        }).ToList(),
    };

    /// <summary>The fields as stored: names filled in from labels, options one a line.</summary>
    public List<FormField> ToFields()
    {
        var taken = new HashSet<string>(Fields.Select(f => f.Name).OfType<string>().Where(n => n.Length > 0), StringComparer.Ordinal);
        return Fields.Select(f => new FormField(
            string.IsNullOrWhiteSpace(f.Name) ? NewName(f, taken) : f.Name.Trim(), f.Type, f.Label.Trim(), f.Required,
            f.MaxLength, f.Type == FormFieldTypes.Select ? FieldDraft.OptionLines(f.Options) : [])).ToList();
    }

    /// <summary>A field name from its label (an email field is called "email" when it can be), unique within the form.</summary>
    private static string NewName(FieldDraft field, HashSet<string> taken)
    {
        var stem = field.Type == FormFieldTypes.Email && !taken.Contains("email") ? "email" : Markdown.Slug.From(field.Label).Replace('-', '_');
        if (stem.Length > 40) stem = stem[..40].TrimEnd('_');
        if (stem.Length == 0) stem = "field";
        var name = stem;
        for (var n = 2; taken.Contains(name); n++) name = $"{stem}_{n}";
        taken.Add(name);
        return name;
    }
}

/// <summary>One field of a <see cref="FormDraft"/>.</summary>
public sealed class FieldDraft
{
    /// <summary>The name submissions carry; empty for a new field (then made from the label), kept once saved.</summary>
    public string? Name { get; set; }
    public string Label { get; set => field = value ?? ""; } = "";
    public string Type { get; set => field = value ?? FormFieldTypes.Text; } = FormFieldTypes.Text;
    public bool Required { get; set; }
    public int? MaxLength { get; set; }

    /// <summary>A choice's options, one a line.</summary>
    public string? Options { get; set; }

    public static List<string> OptionLines(string? text) =>
        (text ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
}
