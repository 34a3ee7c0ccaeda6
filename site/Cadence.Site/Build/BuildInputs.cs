using Cadence.Markdown.Dialect;

namespace Cadence.Site.Build;

/// <summary>The inputs every page shares: the code that renders it, the site's settings and options.</summary>
public static class BuildInputs
{
    // A new build of the generator or the dialect may render anything differently: nothing cached survives it.
    private static readonly Hash128 Code = new InputKey()
        .Add(typeof(BuildInputs).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(MarkdownDialect).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Value;

    public static Hash128 GlobalKey(Hash128 siteKey, BuildOptions options) =>
        new InputKey().Add(Code).Add(siteKey).Add(options.BaseUrl).Add(options.From is null ? null : options.CmsUrl).Value;
}
