using System.Text;
using Cadence.Site.Model;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs;

/// <summary>
/// The headers every page is served with, from the site's settings alone (so API and folder builds write the same):
/// the build writes them as <c>_headers</c> (Netlify / Cloudflare Pages), <c>serve</c> sends that file's rules, and
/// docs/site.md shows them for nginx and Caddy. The policy allows what the theme uses and nothing else: its own
/// script, stylesheet, images and search index; the brand colour's inline style by hash; forms that post (and
/// script that sends them) to the CMS; no plugins, no framing, no other base address.
/// </summary>
public static class SecurityHeaders
{
    public const string FileName = "_headers";

    public static IReadOnlyList<(string Name, string Value)> For(SiteSettings settings) =>
    [
        ("Content-Security-Policy", Policy(settings)),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ];

    public static string Policy(SiteSettings settings)
    {
        var cms = Origin(settings.CmsUrl);
        // A form posted without script is answered by a redirect to the site's thank-you page, which form-action also checks.
        var formTargets = string.Join(' ', new[] { "'self'", cms, Origin(settings.BaseUrl) }.Where(o => o.Length > 0).Distinct(StringComparer.Ordinal));
        var connect = cms.Length > 0 ? "'self' " + cms : "'self'";
        return $"default-src 'self'; script-src 'self'; style-src 'self' {BrandStyle.CspHash(settings.ThemeColour)}; img-src 'self' data:; " +
               $"connect-src {connect}; form-action {formTargets}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    /// <summary>The <c>_headers</c> file: one rule for every path.</summary>
    public static string File(SiteSettings settings)
    {
        var file = new StringBuilder("/*\n");
        foreach (var (name, value) in For(settings)) file.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
        return file.ToString();
    }

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : "";
}
