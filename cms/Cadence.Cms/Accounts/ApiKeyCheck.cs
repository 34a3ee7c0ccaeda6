using Microsoft.Extensions.Caching.Memory;

namespace Cadence.Cms.Accounts;

/// <summary>
/// What kind of key a secret is: asked of the key store at most once per key every <see cref="CacheFor"/>, so a read
/// API call costs a hash and a memory lookup. Both the API key scheme (<see cref="ApiKeyAuthentication"/>) and the
/// read APIs' output cache, which checks the key before any sign-in runs, ask here.
/// </summary>
public sealed class ApiKeyCheck(IMemoryCache cache, IServiceScopeFactory scopes)
{
    /// <summary>A revoked key stops working within this window; it saves a database read on every API call.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <returns>The key's kind, or null for a key that is unknown or revoked.</returns>
    public async ValueTask<ApiKeyKind?> KindOfAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(secret);
        var entry = "api-key:" + hash;
        if (cache.TryGetValue(entry, out ApiKeyKind? kind)) return kind;
        // The key store (and with it a pooled database context) is asked for only when the window has passed.
        await using var scope = scopes.CreateAsyncScope();
        kind = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().FindByHashAsync(hash, cancellationToken))?.Kind;
        return cache.Set(entry, kind, CacheFor);
    }

    /// <summary>Where a scheme finds the key: the query parameter it names, or else <c>Authorization: Bearer</c>.</summary>
    /// <returns>The secret; null when none was sent; empty when the header is not a Bearer key.</returns>
    public static string? SecretIn(HttpRequest request, string? queryParameter)
    {
        if (queryParameter is not null)
        {
            var secret = request.Query[queryParameter].ToString().Trim();
            return secret.Length == 0 ? null : secret;
        }
        string? header = request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return null;
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }
}
