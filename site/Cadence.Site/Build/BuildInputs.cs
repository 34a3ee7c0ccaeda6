using Cadence.Images;
using Cadence.Markdown.Dialect;
using Cadence.Site.Keys;

namespace Cadence.Site.Build;

/// <summary>The inputs every page shares: the code that renders it, the site's settings, options and assets.</summary>
public static class BuildInputs
{
    // A new build of the generator, the dialect or the image code may render anything differently: nothing cached
    // survives it. The icon recipe is named too: a build keeps the icons of an output built with the same key.
    private static readonly Hash128 Code = new InputKey()
        .Add(typeof(BuildInputs).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(MarkdownDialect).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(IconSet).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(IconSet.Recipe)
        .Value;

    /// <param name="cmsUrl">The CMS address a content folder's forms post to (null when the CMS itself is the source).</param>
    public static Hash128 GlobalKey(Hash128 siteKey, string? baseUrl, string? cmsUrl, string cssUrl, string jsUrl) =>
        new InputKey().Add(Code).Add(siteKey).Add(baseUrl).Add(cmsUrl).Add(cssUrl).Add(jsUrl).Value;
}
