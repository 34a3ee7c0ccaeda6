namespace Cadence.Cms.Forms;

/// <summary>Origins (scheme, host and port) as browsers send them in the Origin header.</summary>
public static class SiteOrigins
{
    /// <summary>The origin of an absolute http(s) URL, lower-case and without a default port; null for anything else.</summary>
    public static string? Normalise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo)) return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
