using Cadence.Markdown.Dialect;
using Cadence.Site.Keys;

namespace Cadence.Site.Build;

/// <summary>The inputs every page shares: the code that renders it, the site's settings, options and assets.</summary>
public static class BuildInputs
{
    // A new build of the generator or the dialect may render anything differently: nothing cached survives it.
    private static readonly Hash128 Code = new InputKey()
        .Add(typeof(BuildInputs).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(MarkdownDialect).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Value;

    /// <param name="cmsUrl">The CMS address a content folder's forms post to (null when the CMS itself is the source).</param>
    public static Hash128 GlobalKey(Hash128 siteKey, string? baseUrl, string? cmsUrl, string cssUrl, string jsUrl) =>
        new InputKey().Add(Code).Add(siteKey).Add(baseUrl).Add(cmsUrl).Add(cssUrl).Add(jsUrl).Value;
}
