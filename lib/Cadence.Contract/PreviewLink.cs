using System.Globalization;
using System.Text;

namespace Cadence.Contract;

/// <summary>
/// The manager's link to a draft on the site's <c>serve</c> preview: <c>/preview/{slug}?expires=&lt;unix seconds&gt;&amp;sig=&lt;hex
/// HMAC-SHA256(secret, slug + "." + expires)&gt;</c>. Drafts are unpublished words, so a link opens one post for
/// <see cref="Lifetime"/>, and the secret both sides share never travels in an address (history, logs, referrers).
/// </summary>
public static class PreviewLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>The query string (without '?') that opens <paramref name="slug"/> until <see cref="Lifetime"/> after <paramref name="now"/>.</summary>
    public static string Query(string secret, string slug, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"expires={expires}&sig={Mac(secret, slug, expires)}";
    }

    /// <summary>True when <paramref name="sig"/> signs this slug and expiry, and the expiry is still ahead (compared in constant time).</summary>
    public static bool IsValid(string secret, string slug, string? expires, string? sig, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(sig)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || DateTimeOffset.FromUnixTimeSeconds(seconds) <= now
            || DateTimeOffset.FromUnixTimeSeconds(seconds) > now + Lifetime + TimeSpan.FromMinutes(5))
            return false;
        return DottedMac.Matches(Mac(secret, slug, expires), sig);
    }

    private static string Mac(string secret, string slug, string expires) => DottedMac.Of(secret, slug, Encoding.UTF8.GetBytes(expires));
}
