namespace Cadence.Cms.Forms;

/// <summary>A form readers fill in on the site, placed in posts as <c>::: form KEY</c>; edited in the manager.</summary>
public sealed class FormDefinition : Data.IVersioned
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Intro { get; set; }
    public List<FormField> Fields { get; set; } = [];
    public string SubmitLabel { get; set; } = "Send";
    public string SuccessMessage { get; set; } = "Thank you.";
    public string? ThankYouPath { get; set; }
    public string? NotificationEmail { get; set; }

    /// <summary>File name of a private media file delivered after submitting, such as an ebook.</summary>
    public string? AssetFileName { get; set; }

    public int Version { get; set; }
}

public sealed record FormField(string Name, string Type, string Label, bool Required, int? MaxLength, IReadOnlyList<string> Options);
