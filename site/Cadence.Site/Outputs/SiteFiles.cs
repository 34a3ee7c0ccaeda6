using System.Text;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>The small text outputs: robots.txt and the host redirect rules.</summary>
public static class SiteFiles
{
    public static string Robots(SiteSettings settings) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {settings.Absolute(Urls.Sitemap)}\n";

    /// <summary>Netlify/Cloudflare Pages style rules; the redirect pages cover hosts without them.</summary>
    public static string Redirects(SiteModel model)
    {
        var rules = new StringBuilder();
        foreach (var redirect in model.Redirects)
            rules.Append(redirect.FromPath).Append(' ').Append(redirect.ToPath).Append(" 301\n");
        return rules.ToString();
    }
}
