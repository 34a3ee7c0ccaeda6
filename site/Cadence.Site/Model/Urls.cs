namespace Cadence.Site.Model;

/// <summary>The site's clean URLs: every page is a folder with an index.html.</summary>
public static class Urls
{
    public const string Home = "/";
    public const string TagIndex = "/tags/";
    public const string Archive = "/archive/";
    public const string Search = "/search/";
    public const string Rss = "/feed.xml";
    public const string Atom = "/atom.xml";
    public const string JsonFeed = "/feed.json";
    public const string Sitemap = "/sitemap.xml";
    public const string SearchIndex = "/search/index.json";
    public const string Favicon = "/favicon.ico";
    public const string AppleTouchIcon = "/apple-touch-icon.png";
    public const string WebManifest = "/site.webmanifest";
    /// <summary>A square PNG icon (32, 192 or 512 px).</summary>
    public static string Icon(int size) => $"/icon-{size}.png";

    public static string Post(string slug) => $"/posts/{slug}/";
    /// <summary>A page (About, Contact…) lives at the top; its slug is never one of the paths above (Cadence.Contract.PageAddresses).</summary>
    public static string ContentPage(string slug) => $"/{slug}/";
    public static string Tag(string slug) => $"/tags/{slug}/";
    public static string Category(string slug) => $"/categories/{slug}/";
    public static string Author(string slug) => $"/authors/{slug}/";
    public static string Year(int year) => $"/archive/{year}/";

    /// <summary>Page <paramref name="page"/> of a list: the first page is the list's own URL.</summary>
    public static string Page(string listUrl, int page) => page <= 1 ? listUrl : $"{listUrl}page/{page}/";

    /// <summary>The output file for a clean URL: <c>/posts/x/</c> → <c>posts/x/index.html</c>.</summary>
    public static string FileFor(string url) => url.EndsWith('/') ? url[1..] + "index.html" : url[1..];
}
