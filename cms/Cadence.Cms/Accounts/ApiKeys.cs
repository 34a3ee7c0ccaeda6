using System.Security.Cryptography;
using System.Text;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Makes, finds and revokes delivery API keys. Keys are 256-bit random, so a plain SHA-256 is a safe hash. They are
/// written in hex because Ghost's Content API clients refuse a key without 26 hex digits in a row.
/// </summary>
public sealed class ApiKeys(CadenceDb db, TimeProvider clock)
{
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret(ApiKeyKind kind) =>
        (kind == ApiKeyKind.Preview ? "cad_preview_" : "cad_content_") + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <returns>The secret, which is not stored and cannot be shown again.</returns>
    public async Task<string> CreateAsync(ApiKeyKind kind, string name, CancellationToken cancellationToken = default)
    {
        var secret = NewSecret(kind);
        await AddAsync(kind, name, secret, cancellationToken);
        return secret;
    }

    /// <summary>Registers a secret given by configuration, once.</summary>
    public async Task EnsureAsync(ApiKeyKind kind, string name, string secret, CancellationToken cancellationToken = default)
    {
        var hash = Hash(secret);
        var existing = await db.ApiKeys.SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (existing is null) await AddAsync(kind, name, secret, cancellationToken);
        else if (existing.Kind != kind || existing.RevokedAt is not null)
        {
            existing.Kind = kind;
            existing.RevokedAt = null;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The active key whose secret hashes to <paramref name="hash"/> (see <see cref="Hash"/>).</summary>
    public Task<ApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken = default) =>
        db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);

    public Task<bool> AnyActiveAsync(ApiKeyKind kind, CancellationToken cancellationToken = default) =>
        db.ApiKeys.AnyAsync(k => k.Kind == kind && k.RevokedAt == null, cancellationToken);

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.FindAsync([id], cancellationToken);
        if (key is null || key.RevokedAt is not null) return false;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task AddAsync(ApiKeyKind kind, string name, string secret, CancellationToken cancellationToken)
    {
        db.ApiKeys.Add(new ApiKey
        {
            Name = name, Kind = kind, Hash = Hash(secret), Prefix = secret[..Math.Min(secret.Length, 16)],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
