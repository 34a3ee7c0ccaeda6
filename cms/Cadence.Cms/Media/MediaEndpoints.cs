using Cadence.Cms.Data;
using Cadence.Cms.Media.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Cadence.Cms.Media;

public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{fileName}", Get).WithName("GetMedia").WithTags("Media").WithSummary("A public media file").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Get(string fileName, HttpContext http, CadenceDb db, IMediaStore store, CancellationToken cancellationToken)
    {
        var media = await db.Media.AsNoTracking().Where(m => m.FileName == fileName && m.IsPublic)
            .Select(m => new { m.StoreKey, m.ContentType, m.Sha256 }).SingleOrDefaultAsync(cancellationToken);
        if (media is null) return TypedResults.Problem(statusCode: 404, title: $"The media file '{fileName}' was not found.");

        var etag = new EntityTagHeaderValue($"\"{media.Sha256}\"");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.Contains(etag.Tag.ToString()))
        {
            http.Response.Headers.ETag = etag.Tag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var content = media.StoreKey is null ? null : await store.OpenReadAsync(media.StoreKey, cancellationToken);
        if (content is null) return TypedResults.Problem(statusCode: 404, title: $"The bytes of the media file '{fileName}' are missing from the media store.");
        return TypedResults.Stream(content, media.ContentType, entityTag: etag);
    }
}
