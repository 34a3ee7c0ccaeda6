using Microsoft.Extensions.Caching.Memory;

namespace Cadence.Cms.Accounts;

/// <summary>
/// What kind of key a secret is: asked of the key store at most once per key every <see cref="CacheFor"/>, so a read
/// API call costs a hash and a memory lookup. Both the API key scheme (<see cref="ApiKeyAuthentication"/>) and the
/// read APIs' cache, which checks the key before any sign-in runs, ask here.
/// </summary>
public sealed class ApiKeyCheck(IServiceScopeFactory scopes) : IDisposable
{
    /// <summary>A revoked key stops working within this window; it saves a database read on every API call.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many keys are remembered at once. Unknown keys are remembered too, so guessing costs no database read each
    /// time, and a flood of made-up keys must not hold memory without bound: past the limit an answer is not kept.
    /// </summary>
    public const int MaxRemembered = 10_000;

    private static readonly MemoryCacheEntryOptions Remembered = new() { Size = 1, AbsoluteExpirationRelativeToNow = CacheFor };
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    public int RememberedCount => _cache.Count;

    /// <returns>The key's kind, or null for a key that is unknown or revoked.</returns>
    public async ValueTask<ApiKeyKind?> KindOfAsync(string secret, CancellationToken cancellationToken)
    {
        // The cache is this check's own, so the hash alone is its key: no prefixed string made on every API call.
        var hash = ApiKeys.Hash(secret);
        if (_cache.TryGetValue(hash, out ApiKeyKind? kind)) return kind;
        // The key store (and with it a pooled database context) is asked for only when the window has passed.
        await using var scope = scopes.CreateAsyncScope();
        kind = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().FindByHashAsync(hash, cancellationToken))?.Kind;
        return _cache.Set(hash, kind, Remembered);
    }

    public void Dispose() => _cache.Dispose();

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
