using System.Globalization;
using Cadence.Site.Model;

namespace Cadence.Site.Render;

/// <summary>What every page needs besides its own content: settings and the fingerprinted asset URLs.</summary>
public sealed record PageContext(SiteSettings Settings, string CssUrl, string JsUrl)
{
    /// <summary>What every page shows alike, rendered once from the settings and asset URLs above.</summary>
    public SiteChrome Chrome { get; } = new(Settings, CssUrl, JsUrl);
}

/// <summary>A page's head: title, description, canonical URL and what social cards show.</summary>
public sealed record PageHead(
    string Title, string Description, string Path, string Type = "website",
    string? Image = null, string? ImageAlt = null, int? ImageWidth = null, int? ImageHeight = null,
    string? JsonLd = null, string? Robots = null, string? CanonicalUrl = null, ArticleMeta? Article = null);

/// <summary>Open Graph's article:* facts for a post: ISO dates in the site's time zone, the author's page, the tags.</summary>
public sealed record ArticleMeta(string PublishedTime, string ModifiedTime, string? AuthorUrl, IReadOnlyList<string> Tags)
{
    public static ArticleMeta Of(Post post, SiteSettings settings) => new(Dates.Iso(post.PublishedAt), Dates.Iso(post.UpdatedAt),
        post.Author is null ? null : settings.Absolute(post.Author.Url), post.Tags.Select(t => t.Name).ToArray());
}

/// <summary>One post as a list shows it; the excerpt and reading time may come from rendering its body.</summary>
public sealed record PostCard(Post Post, string Excerpt, int ReadingMinutes);

public static class Dates
{
    public static string Long(DateTimeOffset date, SiteSettings settings) => settings.Language.LongDate(date);
    public static string Iso(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A day without a time (a review date): written as the site writes its dates, without a zone to convert.</summary>
    public static string Long(DateOnly day, SiteSettings settings) =>
        settings.Language.LongDate(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
