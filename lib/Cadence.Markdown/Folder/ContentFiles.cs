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

public sealed record AuthorFile(string Slug, string Name, string? Bio, string? Avatar)
{
    /// <summary>A short line of qualifications, shown beside the name ("MSc, HCPC-registered physiotherapist").</summary>
    public string? Credentials { get; init; }
}

public sealed record PostFile(
    string Title, string Slug, DateTimeOffset? Date, string Status, string? Excerpt,
    IReadOnlyList<string> Tags, string? Category, string? Author,
    string? Image, string? ImageAlt, string? SeoTitle, string? SeoDescription, string? SocialImage, string? CanonicalUrl,
    string Body)
{
    public const string Published = "published";
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";

    /// <summary>The slug (in authors.yml) of the clinician who checked the advice; front matter <c>reviewed_by</c>.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>When the advice was last checked; front matter <c>last_reviewed</c> (yyyy-MM-dd).</summary>
    public DateOnly? LastReviewed { get; init; }

    /// <summary>Shown in the home page's featured card (the newest featured post); front matter <c>featured: true</c>.</summary>
    public bool Featured { get; init; }
}

/// <summary>A page (About, Contact…): a post file without tags, category, author or image; it lives at <c>/{slug}/</c>.</summary>
public sealed record PageFile(
    string Title, string Slug, DateTimeOffset? Date, string Status, string? Excerpt, string? SeoTitle, string? SeoDescription, string Body)
{
    /// <summary>As a post's <see cref="PostFile.ReviewedBy"/>: advice on a page is checked too.</summary>
    public string? ReviewedBy { get; init; }

    public DateOnly? LastReviewed { get; init; }
}

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
