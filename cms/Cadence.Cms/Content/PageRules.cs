namespace Cadence.Cms.Content;

/// <summary>
/// Where pages differ from posts, in one place. A page has no tags, category or byline and no place in feeds, lists,
/// the archive or related posts (the delivery API's post endpoints never return one); it lives at <c>/{slug}/</c>,
/// so its slug must not be one of the site's own top-level paths (site/Cadence.Site/Model/Urls.cs and friends).
/// </summary>
public static class PageRules
{
    /// <summary>The first path segments the site (or its preview server) uses itself.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "posts", "tags", "categories", "authors", "archive", "search", "page", "media", "assets", "thanks", "preview",
        "feed", "feeds", "rss", "atom", "sitemap", "robots", "search-index", "404", "api", "forms", "manager", "webhooks",
    };

    public static bool IsReserved(string slug) => ReservedSlugs.Contains(slug);

    /// <summary>The message an owner sees when a page asks for one of the site's own addresses.</summary>
    public static string ReservedMessage(string slug) =>
        $"The site uses /{slug}/ itself, so a page cannot have that address. Choose another, like {slug}-info.";
}
