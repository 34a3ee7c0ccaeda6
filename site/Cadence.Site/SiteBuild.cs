using System.Diagnostics;
using Cadence.Site.Model;
using Cadence.Site.Outputs;
using Cadence.Site.Render;
using Cadence.Site.Source;
using Cadence.Site.Write;

namespace Cadence.Site;

/// <summary>Where a build reads from and writes to. Exactly one of <see cref="Api"/> and <see cref="From"/> is set.</summary>
public sealed record BuildOptions(string Out, Uri? Api = null, string? Key = null, string? From = null, string? BaseUrl = null,
    string CmsUrl = BuildOptions.DefaultCmsUrl)
{
    public const string DefaultCmsUrl = "http://127.0.0.1:5000";
}

public sealed record BuildResult(int Pages, TimeSpan Elapsed, WriteCounts Counts, SiteModel Model, PageContext Context)
{
    public string Summary()
    {
        var seconds = Elapsed.TotalSeconds;
        var rate = seconds > 0 ? Pages / seconds : 0;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Built {Pages} pages in {seconds:0.00} s ({rate:0} pages/s): {Counts.Written} written, {Counts.Unchanged} unchanged, {Counts.Deleted} deleted.");
    }
}

/// <summary>The pipeline: Source → Model → Render → Outputs → Write.</summary>
public static class SiteBuild
{
    private static readonly bool ShowTimings = Environment.GetEnvironmentVariable("CADENCE_TIMINGS") == "1";

    /// <summary>Stage timings on stderr when CADENCE_TIMINGS=1, for finding where a slow build spends its time.</summary>
    private static void Checkpoint(string stage, Stopwatch clock)
    {
        if (ShowTimings) Console.Error.WriteLine($"{stage,-8} done at {clock.Elapsed.TotalMilliseconds,7:0} ms");
    }

    public static async Task<BuildResult> RunAsync(BuildOptions options, BuildProgress progress, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        using var api = options.Api is null ? null : new DeliveryApiClient(options.Api, options.Key ?? "");
        string? cursor = null;
        SourceContent content;
        if (api is not null)
        {
            cursor = await ApiSource.ChangesCursorAsync(api, ct); // taken first, so nothing that changes mid-fetch is missed
            content = await ApiSource.LoadAsync(api, ct);
        }
        else
        {
            content = FolderSource.Load(options.From ?? throw new ArgumentException("Give --api or --from."), options.CmsUrl);
        }

        Checkpoint("source", clock);
        var model = SiteModelBuilder.Build(content, options.BaseUrl);
        Checkpoint("model", clock);
        var assets = ThemeAssets.Load();
        var context = new PageContext(model.Settings, assets.CssUrl, assets.JsUrl);

        using var writer = new OutputWriter(options.Out);
        assets.WriteTo(writer);
        var renderer = new SiteRenderer(model, context, writer, progress);
        var (cards, latest) = renderer.RenderAll();
        Checkpoint("render", clock);

        writer.Write("feed.xml", SyndicationFeeds.Rss(model.Settings, latest));
        writer.Write("atom.xml", SyndicationFeeds.Atom(model.Settings, latest));
        writer.Write("feed.json", JsonFeed.Write(model.Settings, latest));
        writer.Write("sitemap.xml", Sitemap.Write(model));
        writer.WriteText("robots.txt", SiteFiles.Robots(model.Settings));
        writer.Write("search-index.json", SiteFiles.SearchIndex(cards));
        writer.WriteText("_redirects", SiteFiles.Redirects(model));

        await Parallel.ForEachAsync(content.Media, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (media, token) => writer.Write(media.Url.TrimStart('/'), await media.ReadAsync(token)));

        Checkpoint("outputs", clock);
        var counts = writer.Commit(cursor);
        Checkpoint("commit", clock);
        return new BuildResult(renderer.Pages, clock.Elapsed, counts, model, context);
    }
}
