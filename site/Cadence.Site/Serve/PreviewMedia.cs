using System.Text.RegularExpressions;
using Cadence.Site.Source;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Cadence.Site.Serve;

/// <summary>
/// Media for the draft preview: a picture uploaded to the CMS a moment ago is in no build yet, so a
/// <c>/media/…</c> request the last build cannot answer is answered from the CMS's public media. Only while
/// previewing is on (a preview key was given); the built output, and what a static host serves, is unchanged.
/// </summary>
public sealed partial class PreviewMedia(DeliveryApiClient cms, StaticFiles builtFiles)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (builtFiles.Has(path))
        {
            await builtFiles.ServeAsync(http);
            return;
        }
        var segments = path["/media/".Length..].Split('/');
        byte[]? bytes = null;
        // Only names the CMS could have given a media file are asked for, one escaped segment at a time.
        if (segments.All(s => MediaName().IsMatch(s)) && ContentTypes.TryGetContentType(path, out var type))
        {
            try
            {
                bytes = await cms.GetBytesOrNullAsync("media/" + string.Join('/', segments.Select(Uri.EscapeDataString)), http.RequestAborted);
            }
            catch (SourceException)
            {
                // The CMS is unreachable: the request is answered as the build would answer it.
            }
            if (bytes is not null)
            {
                http.Response.ContentType = type;
                http.Response.Headers.CacheControl = "no-store";
                await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
                return;
            }
        }
        await builtFiles.ServeAsync(http);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex MediaName();
}
