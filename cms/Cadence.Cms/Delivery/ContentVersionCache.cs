using System.Collections.Concurrent;
using Cadence.Cms.Accounts;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The read APIs' cache: whole answers kept per path and query for one content version. Every request reads the
/// <see cref="ContentVersion"/> before its lookup, and a commit that changes content raises it, so the next request
/// after any publish, on this instance or any other sharing the database, finds nothing for the new version and reads
/// afresh. Answers of older versions are dropped at once. Concurrent first requests for the same answer wait for the
/// one that makes it. A stored answer keeps its strong ETag, so a matching <c>If-None-Match</c> is a 304 from memory.
/// </summary>
/// <remarks>
/// <para>It answers before sign-in (<see cref="CmsApp"/>): it checks the key itself, where the endpoint's scheme finds
/// it and through the same <see cref="ApiKeyCheck"/>, and comes near a stored answer only for a valid content key,
/// exactly what the endpoint's authorization would let through. Anything else (no key, a preview key, drafts) goes on
/// to be authorised and answered as before, and only 200 answers without cookies are kept.</para>
/// <para>Why not ASP.NET Core's output cache, which this replaced: on a hit, its middleware (building the key, its
/// work dispatcher, deserialising the stored entry, copying it out) was a fifth of the CPU of the whole request and
/// held small answers to half of what nginx serves from disk; the map here is one dictionary lookup of the path and
/// query strings Kestrel has already made. Its invalidation needs nothing the output cache offers either: the
/// version in the key makes every older answer unreachable. docs/delivery-api.md and docs/benchmarks.md have the
/// figures.</para>
/// </remarks>
public sealed class ContentVersionCache(ContentVersion contentVersion, ApiKeyCheck keys, IOptionsMonitor<ApiKeyOptions> keyOptions)
{
    // What all the kept answers of a version may hold, and one answer at most; past it, the version starts again empty,
    // so a flood of distinct queries costs memory no longer than until it fills.
    internal const long MaxBytes = 100 * 1024 * 1024;
    internal const int MaxAnswerBytes = 16 * 1024 * 1024;

    private Generation _current = new(-1);

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var scheme = http.GetEndpoint()?.Metadata.GetMetadata<CachedByContentVersion>()?.KeyScheme;
        if (scheme is null || !HttpMethods.IsGet(http.Request.Method) || !await IsContentKeyAsync(http, scheme))
        {
            await next(http);
            return;
        }

        var generation = GenerationOf(await contentVersion.ReadAsync(http.RequestAborted));
        var key = new AnswerKey(http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "");
        while (true)
        {
            if (generation.Answers.TryGetValue(key, out var answer))
            {
                if ((answer.IsCompletedSuccessfully ? answer.Result : await answer) is { } kept) await kept.WriteToAsync(http);
                else await next(http); // the first request's answer was not one to keep
                return;
            }
            var making = new TaskCompletionSource<CachedAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (generation.Answers.TryAdd(key, making.Task))
            {
                await MakeAsync(http, next, generation, key, making);
                return;
            }
        }
    }

    private async Task MakeAsync(HttpContext http, RequestDelegate next, Generation generation, AnswerKey key,
        TaskCompletionSource<CachedAnswer?> making)
    {
        CachedAnswer? answer = null;
        try
        {
            answer = await CachedAnswer.CaptureAsync(http, next, MaxAnswerBytes);
        }
        finally
        {
            making.SetResult(answer);
            if (answer is null) generation.Answers.TryRemove(new(key, making.Task));
            else if (Interlocked.Add(ref generation.Bytes, answer.Body.Length) > MaxBytes)
                Interlocked.CompareExchange(ref _current, new Generation(generation.Version), generation);
        }
    }

    private Generation GenerationOf(long version)
    {
        var current = Volatile.Read(ref _current);
        if (current.Version == version) return current;
        // A new version (or, for a request that read it just before a commit, the one before): nothing kept for
        // another version can answer for this one.
        var fresh = new Generation(version);
        return Interlocked.CompareExchange(ref _current, fresh, current) == current ? fresh : GenerationOf(version);
    }

    private async ValueTask<bool> IsContentKeyAsync(HttpContext http, string scheme)
    {
        var secret = ApiKeyCheck.SecretIn(http.Request, keyOptions.Get(scheme).QueryParameter);
        return !string.IsNullOrEmpty(secret) && await keys.KindOfAsync(secret, http.RequestAborted) == ApiKeyKind.Content;
    }

    private readonly record struct AnswerKey(string Path, string Query);

    private sealed class Generation(long version)
    {
        public readonly long Version = version;
        public readonly ConcurrentDictionary<AnswerKey, Task<CachedAnswer?>> Answers = new();
        public long Bytes;
    }
}

/// <summary>Marks endpoints whose answers <see cref="ContentVersionCache"/> keeps, and the scheme that reads their key.</summary>
public sealed record CachedByContentVersion(string KeyScheme);

public static class ContentVersionCaching
{
    /// <summary>Keeps these endpoints' answers for content keys, as the scheme <paramref name="keyScheme"/> finds them.</summary>
    public static TBuilder CacheByContentVersion<TBuilder>(this TBuilder builder, string keyScheme) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CachedByContentVersion(keyScheme));

    public static IApplicationBuilder UseContentVersionCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<ContentVersionCache>();
        return app.Use(next => http => cache.InvokeAsync(http, next));
    }
}
