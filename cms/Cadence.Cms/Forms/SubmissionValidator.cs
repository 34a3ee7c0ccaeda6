using System.Net.Mail;
using Cadence.Contract;

namespace Cadence.Cms.Forms;

/// <summary>The outcome of checking posted values against a form definition.</summary>
public sealed record ValidatedSubmission(
    List<SubmittedField> Fields, string? Email, string? Honeypot, string? Started, Dictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Keeps only the fields a form defines (plus the honeypot and the start time), and checks required fields,
/// lengths, email addresses, select options and control characters. Values are kept as given, only trimmed.
/// </summary>
public static class SubmissionValidator
{
    private const int DefaultMaxLength = 500;
    private const int DefaultTextareaMaxLength = 5000;
    private static readonly string[] Truthy = ["true", "on", "yes", "1"];
    private static readonly string[] Falsy = ["false", "off", "no", "0"];

    public static ValidatedSubmission Validate(FormDefinition form, IReadOnlyList<KeyValuePair<string, string>> posted)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in posted)
        {
            if (!values.TryAdd(name, value)) errors[name] = ["This field was sent more than once."];
            else if (name is not (FormGuardFields.Honeypot or FormGuardFields.Started) && form.Fields.All(f => f.Name != name))
                errors[name.Length > 100 ? name[..100] : name] = ["This field is not part of the form."];
        }

        var fields = new List<SubmittedField>();
        string? email = null;
        foreach (var field in form.Fields)
        {
            var value = values.GetValueOrDefault(field.Name)?.Trim() ?? "";
            if (FormFieldTypes.IsTickBox(field.Type))
                value = value.Length == 0 || Falsy.Contains(value, StringComparer.OrdinalIgnoreCase) ? ""
                    : Truthy.Contains(value, StringComparer.OrdinalIgnoreCase) ? "yes" : value;
            else if (field.Type == FormFieldTypes.Textarea) value = value.ReplaceLineEndings("\n");

            var problem = Check(field, value);
            if (problem is not null) { errors.TryAdd(field.Name, [problem]); continue; }
            if (value.Length == 0) continue;
            fields.Add(new SubmittedField(field.Name, value));
            if (field.Type == FormFieldTypes.Email) email ??= value.ToLowerInvariant();
        }
        return new ValidatedSubmission(fields, email, values.GetValueOrDefault(FormGuardFields.Honeypot), values.GetValueOrDefault(FormGuardFields.Started), errors);
    }

    private static string? Check(FormField field, string value)
    {
        if (value.Length == 0) return field.Required
            ? FormFieldTypes.IsTickBox(field.Type) ? "Please tick this box to continue." : $"Please fill in {field.Label.TrimEnd(':', '?').ToLowerInvariant()}."
            : null;
        var max = field.MaxLength ?? (field.Type == FormFieldTypes.Textarea ? DefaultTextareaMaxLength : DefaultMaxLength);
        if (value.Length > max) return $"Please use at most {max} characters (this has {value.Length}).";
        if (value.Any(c => char.IsControl(c) && !(field.Type == FormFieldTypes.Textarea && c is '\n' or '\t')))
            return "This contains control characters.";
        return field.Type switch
        {
            FormFieldTypes.Email when !IsEmail(value) => "Please enter an email address such as name@example.com.",
            FormFieldTypes.Select when !field.Options.Contains(value, StringComparer.Ordinal) => "Please choose one of the options.",
            FormFieldTypes.Checkbox or FormFieldTypes.Consent when value != "yes" => "Please tick this box to continue.",
            FormFieldTypes.Tel when value.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.')) => "Please enter a phone number using digits, spaces and + ( ) -.",
            _ => null,
        };
    }

    /// <summary>A bare address (no display name), with a dotted domain: what a reader would type.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= 254 && !value.Any(char.IsWhiteSpace) && value.Count(c => c == '@') == 1
        && MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0
        && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
