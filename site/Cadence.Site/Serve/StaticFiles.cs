using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Cadence.Site.Serve;

/// <summary>
/// Serves the built folder the way a static host would: clean URLs (<c>/posts/x/</c> → index.html), a redirect
/// to add the trailing slash, and 404.html for anything else. The path is resolved on every request because a
/// rebuild swaps the whole folder.
/// </summary>
public sealed class StaticFiles(string output)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly string _root = Path.GetFullPath(output);

    public async Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var file = Resolve(path);
        if (file is null && !path.EndsWith('/') && Directory.Exists(Local(path)))
        {
            // "//host" or "/\host" would be read as another site's address: the redirect names a path on this one.
            http.Response.Redirect("/" + path.TrimStart('/', '\\') + "/" + http.Request.QueryString);
            return;
        }
        if (file is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            file = Path.Combine(_root, "404.html");
            if (!File.Exists(file)) return;
        }
        http.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (type is not null && (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal)))
            http.Response.ContentType += "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(file);
    }

    /// <summary>True when the last build wrote a file for this URL path.</summary>
    public bool Has(string path) => Resolve(path) is not null;

    private string? Resolve(string path)
    {
        var local = Local(path);
        if (local is null) return null;
        if (path.EndsWith('/')) local = Path.Combine(local, "index.html");
        return File.Exists(local) ? local : null;
    }

    /// <summary>The local path for a URL path, or null when it would leave the output folder.</summary>
    private string? Local(string path)
    {
        var relative = Uri.UnescapeDataString(path).TrimStart('/');
        if (relative.Split('/').Any(segment => segment is ".." || segment.StartsWith('.'))) return null;
        if (relative == Outputs.SecurityHeaders.FileName) return null; // rules for the host, not a page
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full.StartsWith(_root, StringComparison.Ordinal) ? full : null;
    }
}
