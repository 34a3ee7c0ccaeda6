using Cadence.Site.Render;

namespace Cadence.Site.Cli;

/// <summary>
/// <c>build</c>: one build, a one-line summary on stdout, a one-line error on stderr. Bad content files are left out and
/// named one per line on stderr (<c>path: problem</c>); the rest is built and the exit code is <see cref="ContentProblems"/>.
/// </summary>
public static class BuildCommand
{
    /// <summary>The exit code of a build that left bad files out: the site was written, but not all of it.</summary>
    public const int ContentProblems = 3;

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
        foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
        Console.Out.WriteLine(result.Summary());
        if (result.Problems.Count == 0) return 0;
        Console.Error.WriteLine($"{result.Problems.Count} content file(s) were left out; mend them and build again.");
        return ContentProblems;
    }
}
