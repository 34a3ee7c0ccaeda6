using Cadence.Cms.Data;
using Cadence.Cms.Media.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Cadence.Cms.Media;

/// <summary>Serves image variants. A variant's name is its content's (hash and width), so it is cached for good.</summary>
public static class VariantEndpoints
{
    public static IEndpointRouteBuilder MapImageVariants(this IEndpointRouteBuilder app)
    {
        app.MapGet(MediaVariant.UrlPrefix + "{fileName}", Get).WithName("GetImageVariant").WithTags("Media").WithSummary("A responsive copy of a public image").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Get(string fileName, HttpContext http, CadenceDb db, IMediaStore store, CancellationToken cancellationToken)
    {
        var etag = new EntityTagHeaderValue($"\"{fileName}\"");
        var variant = await db.Set<MediaVariant>().AsNoTracking()
            .Where(v => v.FileName == fileName && db.Media.Any(m => m.Id == v.MediaFileId && m.IsPublic))
            .Select(v => new { v.StoreKey, v.ContentType }).FirstOrDefaultAsync(cancellationToken);
        if (variant is null) return TypedResults.Problem(statusCode: 404, title: $"The image variant '{fileName}' was not found.");

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.Contains(etag.Tag.ToString()))
        {
            http.Response.Headers.ETag = etag.Tag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var content = await store.OpenReadAsync(variant.StoreKey, cancellationToken);
        if (content is null) return TypedResults.Problem(statusCode: 404, title: $"The image variant '{fileName}' is missing from the media store.");
        return TypedResults.Stream(content, variant.ContentType, entityTag: etag);
    }
}
