using Cadence.Site.Model;
using Cadence.Site.Render.Theme;

namespace Cadence.Site.Render;

/// <summary>
/// The parts of every page that do not depend on the page: the head's links (feeds, stylesheet, icons, script),
/// the header and the footer, rendered once per build through their components instead of once per page. Only a
/// link's <c>aria-current</c> depends on the page, so the header and the footer are rendered once for each page a
/// link points to and once for every other page. A clean build of 10,000 posts renders 16,000 pages, and these
/// parts were about a third of the components' work on each.
/// </summary>
public sealed class SiteChrome
{
    private readonly string _header;
    private readonly string _footer;
    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _footers = new(StringComparer.Ordinal);

    public SiteChrome(SiteSettings settings, string cssUrl, string jsUrl)
    {
        using var renderer = new ComponentRenderer();
        HeadLinks = Html(renderer.Render<SiteHeadLinks>(new()
        {
            [nameof(SiteHeadLinks.Settings)] = settings,
            [nameof(SiteHeadLinks.CssUrl)] = cssUrl,
            [nameof(SiteHeadLinks.JsUrl)] = jsUrl,
        }));
        string Header(string? path) => Html(renderer.Render<SiteHeader>(new()
        {
            [nameof(SiteHeader.Settings)] = settings,
            [nameof(SiteHeader.CurrentPath)] = path,
        }));
        string Footer(string? path) => Html(renderer.Render<SiteFooter>(new()
        {
            [nameof(SiteFooter.Settings)] = settings,
            [nameof(SiteFooter.CurrentPath)] = path,
        }));

        _header = Header(null);
        _footer = Footer(null);
        foreach (var link in settings.Navigation.Append(settings.CallToAction).OfType<Source.ApiLink>())
            _headers.TryAdd(link.Url, Header(link.Url));
        foreach (var link in settings.FooterPages) _footers.TryAdd(link.Url, Footer(link.Url));
    }

    /// <summary>The head's links, the same on every page.</summary>
    public string HeadLinks { get; }

    /// <summary>The skip link and the header, as the page at <paramref name="path"/> shows them.</summary>
    public string Header(string path) => _headers.GetValueOrDefault(path, _header);

    /// <summary>The footer, as the page at <paramref name="path"/> shows it.</summary>
    public string Footer(string path) => _footers.GetValueOrDefault(path, _footer);

    // The renderer ends each page with a line break; a part of a page has none of its own.
    private static string Html(System.Text.StringBuilder html) => html.ToString(0, html.Length - 1);
}
