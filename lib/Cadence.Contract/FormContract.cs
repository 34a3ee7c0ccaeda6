namespace Cadence.Contract;

/// <summary>
/// The field types a form definition may use: the CMS validates submissions by them, the site renders inputs by
/// them, and a content folder's forms/*.yml is checked against them.
/// </summary>
public static class FormFieldTypes
{
    public const string Text = "text";
    public const string Email = "email";
    public const string Tel = "tel";
    public const string Textarea = "textarea";
    public const string Select = "select";
    public const string Checkbox = "checkbox";
    public const string Consent = "consent";

    public static readonly string[] All = [Text, Email, Tel, Textarea, Select, Checkbox, Consent];

    /// <summary>A box the reader ticks: rendered as a checkbox, and sent as a yes when ticked.</summary>
    public static bool IsTickBox(string type) => type is Checkbox or Consent;
}

/// <summary>
/// The two extra fields every rendered form posts besides its own: a honeypot people never see, which bots fill in,
/// and the page-load time the site's script stamps, so the CMS can tell a form sent too fast to be a person's.
/// </summary>
public static class FormGuardFields
{
    public const string Honeypot = "website";
    public const string Started = "_started";
}
