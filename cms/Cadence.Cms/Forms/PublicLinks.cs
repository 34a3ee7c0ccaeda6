using Cadence.Cms.Hosting;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>Absolute links to the CMS (downloads, newsletter pages) and to the static site (thank-you pages).</summary>
public sealed class PublicLinks(CmsAddress address)
{
    /// <summary>The CMS's public address (see <see cref="CmsAddress"/>); never taken from the request.</summary>
    public string Cms() => address.Value;

    /// <summary>
    /// A page on the static site. Relative paths resolve against the site's base URL; an absolute address is used
    /// only when it is on the site's own origin, so a form can never be made to redirect elsewhere.
    /// </summary>
    public static Uri? OnSite(FormsSnapshot snapshot, string? pathOrUrl)
    {
        if (snapshot.SiteBase is null) return null;
        if (string.IsNullOrWhiteSpace(pathOrUrl) || pathOrUrl.Contains('\\')) return snapshot.SiteBase;
        if (!Uri.TryCreate(snapshot.SiteBase, pathOrUrl.Trim(), out var target)) return snapshot.SiteBase;
        return SiteOrigins.Normalise(target.AbsoluteUri) == SiteOrigins.Normalise(snapshot.SiteBase.AbsoluteUri) ? target : snapshot.SiteBase;
    }

    /// <summary>Where "go back" points: the page the form was on when that is one of the site's origins, else the site's home.</summary>
    public static string? BackTo(FormsSnapshot snapshot, HttpRequest request)
    {
        var referer = request.Headers.Referer.ToString();
        if (snapshot.IsAllowedOrigin(referer) && Uri.TryCreate(referer, UriKind.Absolute, out var uri)) return uri.AbsoluteUri;
        return snapshot.SiteBase?.AbsoluteUri;
    }
}
