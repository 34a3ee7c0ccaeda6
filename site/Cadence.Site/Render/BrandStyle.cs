using System.Security.Cryptography;
using System.Text;

namespace Cadence.Site.Render;

/// <summary>
/// The one inline style on every page: the brand colour from the settings, as CSS variables. Written here once so the
/// page (<c>BrandHead</c>) and the content security policy (which allows it by its hash) never disagree.
/// </summary>
public static class BrandStyle
{
    public static string Css(string themeColour) => $":root {{ --brand: {themeColour}; --on-brand: #ffffff; }}";

    /// <summary>The CSP source that allows exactly <see cref="Css"/>: <c>'sha256-…'</c>.</summary>
    public static string CspHash(string themeColour) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css(themeColour))))}'";
}
