using System.Security.Cryptography;
using System.Text;

namespace Cadence.Contract;

/// <summary>
/// The one signature scheme of Cadence's signed messages (webhook deliveries, preview links): lower-case hex of
/// HMAC-SHA256(secret, prefix + "." + payload), compared in constant time so a guess learns nothing from timing.
/// </summary>
internal static class DottedMac
{
    public static string Of(string secret, string prefix, ReadOnlySpan<byte> payload)
    {
        var head = Encoding.UTF8.GetBytes(prefix + ".");
        var message = new byte[head.Length + payload.Length];
        head.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(head.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when <paramref name="given"/> (any case) is <paramref name="expected"/>.</summary>
    public static bool Matches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
}
