namespace Cadence.Contract;

/// <summary>
/// Pages live at the top of the site (<c>/{slug}/</c>), beside the site's own folders. These are the first path
/// segments the site and its preview server use themselves (site/Cadence.Site/Model/Urls.cs, assets, media, thanks
/// pages, list page numbers, feeds), so no page may take one; the CMS refuses them on save and the content folder on read.
/// </summary>
public static class PageAddresses
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "posts", "tags", "categories", "authors", "archive", "search", "page", "media", "assets", "thanks", "preview",
        "feed", "feeds", "rss", "atom", "sitemap", "robots", "search-index", "404", "api", "forms", "manager", "webhooks",
    };

    public static bool IsReserved(string slug) => Reserved.Contains(slug);

    public static string PathOf(string slug) => $"/{slug}/";
}
