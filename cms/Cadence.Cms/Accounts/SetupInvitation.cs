using System.Security.Cryptography;
using System.Text;

namespace Cadence.Cms.Accounts;

/// <summary>
/// The one-time address that lets the clinic owner make the first Admin account in the browser. Only its hash is
/// kept, and only in this process: each start without an Admin issues a new one, and it ends at first use or after
/// <see cref="Lifetime"/>, so an address seen in an old terminal log opens nothing.
/// </summary>
public sealed class SetupInvitation(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private byte[]? _hash;
    private DateTimeOffset _expires;
    private bool _claimed;

    /// <summary>A new token, replacing any earlier one.</summary>
    public string Issue()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        lock (_gate)
        {
            _hash = Hash(token);
            _expires = clock.GetUtcNow() + Lifetime;
            _claimed = false;
        }
        return token;
    }

    public bool IsOpen(string? token)
    {
        lock (_gate) return Matches(token) && !_claimed;
    }

    /// <summary>Takes the token for one account creation; a second claim fails until <see cref="Release"/>.</summary>
    public bool TryClaim(string? token)
    {
        lock (_gate)
        {
            if (!Matches(token) || _claimed) return false;
            _claimed = true;
            return true;
        }
    }

    /// <summary>Gives a claimed token back when the account could not be made (a weak password), so the owner can retry.</summary>
    public void Release()
    {
        lock (_gate) _claimed = false;
    }

    /// <summary>Ends the token for good: the owner's account exists.</summary>
    public void Close()
    {
        lock (_gate) _hash = null;
    }

    private bool Matches(string? token) =>
        _hash is not null && !string.IsNullOrEmpty(token) && clock.GetUtcNow() < _expires &&
        CryptographicOperations.FixedTimeEquals(_hash, Hash(token));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
