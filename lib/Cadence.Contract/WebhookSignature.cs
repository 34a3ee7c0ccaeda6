using System.Globalization;

namespace Cadence.Contract;

/// <summary>
/// <c>Cadence-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>: the CMS signs each
/// webhook delivery, and the site's <c>serve</c> checks it before rebuilding. Signing the timestamp lets a receiver
/// refuse old requests, so a captured delivery cannot be replayed after <see cref="MaxAge"/>.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Cadence-Signature";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={DottedMac.Of(secret, t, body)}";
    }

    /// <summary>True when the header is fresh (within <see cref="MaxAge"/> of <paramref name="now"/>) and one of its v1 values matches.</summary>
    public static bool IsValid(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header)) return false;
        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)) timestamp = part[2..];
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) signatures.Add(part[3..]);
        }
        if (timestamp is null || signatures.Count == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return false;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > MaxAge || age < -MaxAge) return false;

        var expected = DottedMac.Of(secret, seconds.ToString(CultureInfo.InvariantCulture), body);
        // Several v1 values let a sender sign with an old and a new secret while rotating.
        foreach (var signature in signatures)
            if (DottedMac.Matches(expected, signature)) return true;
        return false;
    }
}
