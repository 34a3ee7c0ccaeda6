using Cadence.Contract;

namespace Cadence.Cms.Forms;

/// <summary>A problem with a form being edited: the draft's property it concerns (such as <c>Fields[1].Label</c>) and what to do.</summary>
public sealed record FormProblem(string Property, string Message);

/// <summary>Checks a form before it is saved, in words the owner can act on.</summary>
public static class FormRules
{
    /// <summary>The field types the editor offers, with the owner's names for them; imported forms may use the others.</summary>
    public static readonly IReadOnlyList<(string Type, string Label)> FieldTypes =
    [
        (FormFieldTypes.Text, "Short text"), (FormFieldTypes.Email, "Email address"), (FormFieldTypes.Textarea, "Long text"),
        (FormFieldTypes.Consent, "Consent checkbox"), (FormFieldTypes.Select, "Choice from a list"),
        (FormFieldTypes.Tel, "Phone number"), (FormFieldTypes.Checkbox, "Checkbox"),
    ];

    public static IReadOnlyList<FormProblem> Check(FormDraft draft, IReadOnlyList<FormField> fields, FormKind kind, bool hasFile)
    {
        var problems = new List<FormProblem>();
        void Add(string property, string message) => problems.Add(new FormProblem(property, message));

        if (string.IsNullOrWhiteSpace(draft.Title)) Add(nameof(draft.Title), "Give the form a title.");
        else if (draft.Title.Trim().Length > 120) Add(nameof(draft.Title), "Use at most 120 characters for the title.");
        if (string.IsNullOrWhiteSpace(draft.SubmitLabel)) Add(nameof(draft.SubmitLabel), "Write what the send button says, like “Send me the plan”.");
        if (string.IsNullOrWhiteSpace(draft.SuccessMessage)) Add(nameof(draft.SuccessMessage), "Write the message readers see after sending.");
        if (!string.IsNullOrWhiteSpace(draft.NotificationEmail) && !SubmissionValidator.IsEmail(draft.NotificationEmail.Trim()))
            Add(nameof(draft.NotificationEmail), "Enter an email address like name@example.com, or leave it empty.");
        if (draft.GivesDownload && !hasFile) Add("Download", "Choose the PDF readers get after sending the form.");

        if (fields.Count == 0) Add(nameof(draft.Fields), "Add at least one field for readers to fill in.");
        if (FormKinds.NeedsEmail(kind) && fields.All(f => f.Type != FormFieldTypes.Email))
            Add(nameof(draft.Fields), kind == FormKind.Download
                ? "A form that gives a download needs an “Email address” field, so the link can be sent."
                : "A newsletter sign-up needs an “Email address” field.");
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = $"{nameof(draft.Fields)}[{i}]";
            if (field.Label.Length == 0) Add($"{at}.Label", $"Write a label for field {i + 1}.");
            if (FieldTypes.All(t => t.Type != field.Type)) Add($"{at}.Type", $"Choose what kind of field {i + 1} is.");
            if (field.Type == FormFieldTypes.Select && field.Options.Count < 2)
                Add($"{at}.Options", $"Give “{Named(field, i)}” at least two options to choose from, one a line.");
            if (field.Options.Count != field.Options.Distinct(StringComparer.Ordinal).Count())
                Add($"{at}.Options", $"“{Named(field, i)}” lists the same option twice.");
            if (field.Label.Length > 0 && fields.Take(i).Any(f => string.Equals(f.Label, field.Label, StringComparison.OrdinalIgnoreCase)))
                Add($"{at}.Label", $"Two fields are labelled “{field.Label}”: readers could not tell them apart.");
            else if (fields.Take(i).Any(f => f.Name == field.Name))
                Add($"{at}.Label", $"Two fields are called “{field.Name}”: give field {i + 1} a different label.");
            if (field.Name is FormGuardFields.Honeypot or FormGuardFields.Started)
                Add($"{at}.Label", $"“{field.Label}” is a name the form uses for itself: choose another label.");
        }
        return problems;
    }

    /// <summary>A key posts can use: a slug, and no other form's.</summary>
    public static string? KeyProblem(string key, bool takenByAnother) =>
        !Markdown.Slug.IsValid(key) ? "Use lower-case letters, digits and hyphens, like free-marathon-plan."
        : takenByAnother ? $"Another form already has the key “{key}”." : null;

    private static string Named(FormField field, int i) => field.Label.Length > 0 ? field.Label : $"field {i + 1}";
}
