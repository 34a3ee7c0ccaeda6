using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cadence.Site.Serve;

/// <summary>
/// The webhook signature: <c>Cadence-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// The timestamp is signed too, so a captured request cannot be replayed after <see cref="MaxAge"/>.
/// </summary>
public static class RebuildSignature
{
    public const string Header = "Cadence-Signature";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    public static bool IsValid(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header)) return false;
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                timestamp = t;
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
                signatures.Add(part[3..]);
        }
        if (timestamp is null || signatures.Count == 0) return false;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if (age > MaxAge || age < -MaxAge) return false;

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp.Value, body).Split("v1=")[1]);
        // Several v1 values let a sender sign with an old and a new secret while rotating.
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s.ToLowerInvariant())));
    }
}
