using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cadence.Cms.Delivery;

/// <summary>
/// JSON with a strong ETag made from the bytes themselves, so equal content always gives an equal tag,
/// and <c>If-None-Match</c> answers 304 without sending the body again.
/// </summary>
public sealed class ETaggedJson<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext context)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = HeaderNames.Authorization;

        if (ETagged.Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}

public static class ETagged
{
    public static ETaggedJson<T> Json<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo);

    /// <summary>Whether an <c>If-None-Match</c> header names the tag (or any tag, <c>*</c>).</summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
                if (candidate == "*" || candidate == etag) return true;
        return false;
    }
}
