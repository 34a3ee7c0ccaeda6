using Microsoft.AspNetCore.StaticFiles;

namespace Cadence.Deploy;

/// <summary>The content type and cache policy an uploaded file is served with.</summary>
public static class ObjectHeaders
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// Theme assets and image variants carry a hash of their bytes in their names, so a browser may keep them a
    /// year; everything else (pages, feeds, sitemap, search index, original media) keeps its address when it
    /// changes, so it is revalidated on every use (cheap: the store answers 304 to a matching ETag).
    /// </summary>
    public static string CacheControlFor(string key) =>
        key.StartsWith("assets/", StringComparison.Ordinal) || key.StartsWith("media/variants/", StringComparison.Ordinal) ? Immutable : Revalidate;

    public static string ContentTypeFor(string key)
    {
        if (!ContentTypes.TryGetContentType(key, out var type)) return "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "application/xml"
            or "application/rss+xml" or "application/atom+xml" or "image/svg+xml" or "application/manifest+json"
            ? type + "; charset=utf-8"
            : type;
    }

    /// <summary>Pages go after everything they link to, so a reader never gets a page whose new stylesheet is not there yet.</summary>
    public static bool IsPage(string key) => key.EndsWith(".html", StringComparison.Ordinal) || key.EndsWith(".xml", StringComparison.Ordinal);
}
