using System.Globalization;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Delivery;

/// <summary>
/// Output caching for read APIs, keyed by the <see cref="ContentVersion"/> asked of the database before each lookup:
/// a commit that changes content raises the version, so the next request misses and reads afresh, on this instance
/// or any other sharing the database. Only reads with a valid content key are cached, and preview reads (drafts) are
/// never stored. A stored answer keeps its strong ETag, so a matching <c>If-None-Match</c> is answered 304 from the
/// cache without the content query.
/// </summary>
/// <remarks>
/// The cache sits before authentication and authorization (<see cref="CmsApp"/>), so a hit costs the key check and
/// the lookup, not the whole sign-in pipeline: the policy checks the key itself, where the endpoint's scheme finds it
/// and through the same <see cref="ApiKeyCheck"/>, and lets a request near the cache only when that key is a valid
/// content key, which is exactly what the endpoint's authorization would have let through. Any other request goes on
/// to be authorised as before.
/// </remarks>
/// <param name="keyScheme">The authentication scheme that reads the endpoint's key.</param>
public sealed class ContentVersionCachePolicy(string keyScheme) : IOutputCachePolicy
{
    /// <summary>The policy for the delivery API (<c>Authorization: Bearer</c> keys).</summary>
    public const string Name = "content-version";

    /// <summary>The tag of every stored answer, to evict them all at once.</summary>
    public const string Tag = "content";

    // Answers of an older version are never looked up again; this only bounds how long they hold memory.
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    // The singletons a lookup needs, taken once: asking the request's services for them would create the request's
    // service scope on every cache hit, before anything else in the pipeline needs it.
    private Singletons? services;

    private sealed record Singletons(ContentVersion Version, ApiKeyCheck Keys, IOptionsMonitor<ApiKeyOptions> KeyOptions);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && await IsContentKeyAsync(http, cancellation);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = cacheable;
        if (!cacheable) return;

        var version = await Services(http).Version.ReadAsync(cancellation);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["version"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["key"] = nameof(ApiKeyKind.Content);
        context.Tags.Add(Tag);
        context.ResponseExpirationTimeSpan = KeepFor;
    }

    private async ValueTask<bool> IsContentKeyAsync(HttpContext http, CancellationToken cancellation)
    {
        var (_, keys, keyOptions) = Services(http);
        var secret = ApiKeyCheck.SecretIn(http.Request, keyOptions.Get(keyScheme).QueryParameter);
        return !string.IsNullOrEmpty(secret) && await keys.KindOfAsync(secret, cancellation) == ApiKeyKind.Content;
    }

    private Singletons Services(HttpContext http) => services ??= new Singletons(
        http.RequestServices.GetRequiredService<ContentVersion>(), http.RequestServices.GetRequiredService<ApiKeyCheck>(),
        http.RequestServices.GetRequiredService<IOptionsMonitor<ApiKeyOptions>>());

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Problems (400, 404) are cheap to make again and must not outlive a fix; nothing personal is ever stored.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
