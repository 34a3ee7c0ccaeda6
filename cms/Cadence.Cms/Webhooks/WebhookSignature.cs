using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// <c>Cadence-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>. Signing the
/// timestamp lets receivers refuse old requests, so a captured delivery cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Cadence-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message))}";
    }
}
