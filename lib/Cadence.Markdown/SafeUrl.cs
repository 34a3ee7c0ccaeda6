namespace Cadence.Markdown;

/// <summary>
/// The one URL policy for every address the site writes (Markdown links and images, front matter, avatars, navigation,
/// settings): http(s), mailto:, tel: or a path on the site. Anything else (javascript:, data:, vbscript:, a protocol-relative
/// //host) is refused, so no stored text can make a page run script or send a reader elsewhere unseen.
/// </summary>
public static class SafeUrl
{
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers drop tabs, line breaks and leading controls, so "java\tscript:" is read as "javascript:".
        var cleaned = string.Concat(url.Where(c => c > ' ' && c != '\u007f'));
        if (cleaned.Length == 0) return false;
        // "//host" and "/\host" leave the site while looking like paths (browsers read '\' as '/').
        if (cleaned.Length >= 2 && cleaned[0] is '/' or '\\' && cleaned[1] is '/' or '\\') return false;
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var delimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (delimiter >= 0 && delimiter < colon) return true; // a path that happens to hold a colon
        var scheme = cleaned[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    /// <summary>The address trimmed, or null when the policy refuses it (the element that would carry it is left out).</summary>
    public static string? OrNull(string? url) => IsAllowed(url) ? url!.Trim() : null;
}
