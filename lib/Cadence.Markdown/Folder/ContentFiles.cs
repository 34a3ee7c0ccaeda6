using Cadence.Contract;

namespace Cadence.Markdown.Folder;

// The records of a content folder: what a clinic keeps in git, and what the CMS imports and exports.

public sealed record LinkFile(string Label, string Url);

public sealed record SiteFile(
    string ClinicName, string Title, string Description, string BaseUrl, string TimeZone, string Language, string? NotificationEmail,
    IReadOnlyList<LinkFile> Navigation, IReadOnlyList<LinkFile> Social)
{
    /// <summary>"#rrggbb", readable under white text (checked when read).</summary>
    public string ThemeColour { get; init; } = BrandColour.Default;
    /// <summary>The logo, a <c>/media/…</c> address; null: none.</summary>
    public string? Logo { get; init; }
    /// <summary>The image the site's icons are made from, when it is not the logo.</summary>
    public string? Icon { get; init; }
    public ClinicDetails Clinic { get; init; } = ClinicDetails.Empty;
}

public sealed record AuthorFile(string Slug, string Name, string? Bio, string? Avatar);

public sealed record PostFile(
    string Title, string Slug, DateTimeOffset? Date, string Status, string? Excerpt,
    IReadOnlyList<string> Tags, string? Category, string? Author,
    string? Image, string? ImageAlt, string? SeoTitle, string? SeoDescription, string? SocialImage, string? CanonicalUrl,
    string Body)
{
    public const string Published = "published";
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
}

/// <summary>A page (About, Contact…): a post file without tags, category, author or image; it lives at <c>/{slug}/</c>.</summary>
public sealed record PageFile(
    string Title, string Slug, DateTimeOffset? Date, string Status, string? Excerpt, string? SeoTitle, string? SeoDescription, string Body);

public sealed record FormFieldFile(string Name, string Type, string Label, bool Required, int? MaxLength, IReadOnlyList<string> Options);

public sealed record FormFile(
    string Key, string Title, string? Intro, string SubmitLabel, string SuccessMessage, string? ThankYouPath,
    string? NotificationEmail, string? Asset, IReadOnlyList<FormFieldFile> Fields);

/// <summary>A file the folder carries beside the text: <c>media/</c> is public, <c>assets/</c> is delivered on request.</summary>
public sealed record BinaryFile(string Url, string FullPath, bool IsPublic);

public sealed record ContentFolder(
    string Root, SiteFile? Site, IReadOnlyList<AuthorFile> Authors, IReadOnlyList<PostFile> Posts,
    IReadOnlyList<FormFile> Forms, IReadOnlyList<BinaryFile> Files)
{
    /// <summary>pages/*.md, by file name; the folder may have none.</summary>
    public IReadOnlyList<PageFile> Pages { get; init; } = [];

    /// <summary>One line per file (or entry) left out, "path: problem"; everything else in the folder is read.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>A content file that cannot be read; the message names the file and the problem.</summary>
public sealed class ContentFormatException(string message, Exception? inner = null) : Exception(message, inner);
