using Cadence.Site.Render;

namespace Cadence.Site.Cli;

/// <summary><c>build</c>: one build, a one-line summary on stdout, a one-line error on stderr.</summary>
public static class BuildCommand
{
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "api", "key", "from", "out", "base-url", "cms-url", "timings" };

    public static BuildOptions ReadOptions(CommandLine line)
    {
        var from = line.Get("from");
        var api = from is null ? line.Get("api", "CADENCE_API") : null;
        if (from is null && api is null) throw new UsageException("Give --api <url> (or CADENCE_API) or --from <content folder>.");
        Uri? apiUri = null;
        if (api is not null && (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out apiUri) || apiUri.Scheme is not ("http" or "https")))
            throw new UsageException($"--api '{api}' is not an http(s) URL.");
        var key = apiUri is null ? null : line.Get("key", "CADENCE_CONTENT_KEY") ?? throw new UsageException("--key (or CADENCE_CONTENT_KEY) is required with --api.");
        return new BuildOptions(line.Require("out"), apiUri, key, from, line.Get("base-url"), line.Get("cms-url") ?? BuildOptions.DefaultCmsUrl,
            line.Has("timings"));
    }

    public static async Task<int> RunAsync(CommandLine line, CancellationToken ct)
    {
        var result = await SiteBuild.RunAsync(ReadOptions(line), BuildProgress.ForConsole(), ct);
        Console.Out.WriteLine(result.Summary());
        return 0;
    }
}
