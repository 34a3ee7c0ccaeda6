using Cadence.Site.Build;
using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Outputs;
using Cadence.Site.Outputs.Search;
using Cadence.Site.Render;
using Cadence.Site.Source;
using Cadence.Site.Write;

namespace Cadence.Site;

/// <summary>Where a build reads from and writes to. Exactly one of <see cref="Api"/> and <see cref="From"/> is set.</summary>
/// <param name="ImageCache">Where a folder build keeps images' responsive variants (default: <see cref="ImageVariantCache.DefaultRoot"/>).</param>
public sealed record BuildOptions(string Out, Uri? Api = null, string? Key = null, string? From = null, string? BaseUrl = null,
    string CmsUrl = BuildOptions.DefaultCmsUrl, bool Timings = false, string? ImageCache = null)
{
    public const string DefaultCmsUrl = "http://127.0.0.1:5000";
}

public sealed record BuildResult(int Pages, TimeSpan Elapsed, WriteCounts Counts, SiteModel Model, PageContext Context)
{
    /// <summary>The content folder's files left out of this build, "path: problem"; the rest was built.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public string Summary()
    {
        var seconds = Elapsed.TotalSeconds;
        var rate = seconds > 0 ? Pages / seconds : 0;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Built {Pages} pages in {seconds:0.00} s ({rate:0} pages/s): {Counts.Written} written, {Counts.Unchanged} unchanged, {Counts.Deleted} deleted.");
    }
}

/// <summary>
/// The pipeline: Source → Model → Render → Outputs → Write. Nothing in the output changes until everything has
/// been fetched and rendered; the build cache beside the output lets a build read, render and write only what changed.
/// </summary>
public static class SiteBuild
{
    public static async Task<BuildResult> RunAsync(BuildOptions options, BuildProgress progress, CancellationToken ct = default)
    {
        var timings = new StageTimings(options.Timings || StageTimings.FromEnvironment);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = Path.GetFullPath(options.Out);
        string? manifestHash = null;
        var manifest = Directory.Exists(output) ? BuildManifest.ReadFrom(output, out manifestHash) : null;
        // The search index's cache is needed only once the model is built: it is read meanwhile, on another core.
        var searchRead = manifest is null ? null : Task.Run(() => SearchIndexCache.Read(BuildCache.FolderFor(output), manifestHash!));
        var cache = manifest is null ? null : BuildCache.Read(output, manifestHash);
        var assets = ThemeAssets.Load();
        Hash128 GlobalKey(Hash128 siteKey) =>
            BuildInputs.GlobalKey(siteKey, options.BaseUrl, options.From is null ? null : options.CmsUrl, assets.CssUrl, assets.JsUrl);
        // The previous build's output can be reused only when everything every page shares is as it was.
        BuildCache? CacheFor(Hash128 siteKey) => cache is not null && cache.GlobalKey == GlobalKey(siteKey) ? cache : null;
        KnownContent? KnownFor(Hash128 siteKey) => CacheFor(siteKey)?.Known();
        timings.Stage("start", cache is null ? "no usable cache" : "cache read");

        using var api = options.Api is null ? null : new DeliveryApiClient(options.Api, options.Key ?? "");
        string? cursor = null;
        SourceContent content;
        if (api is not null)
        {
            // Taken first, so nothing that changes mid-fetch is missed.
            var changes = await ApiSource.ChangesAsync(api, cache is null ? null : manifest?.ChangesCursor, ct);
            cursor = changes?.Cursor;
            var partial = changes is { SiteChanged: false } && cache is not null ? await ApiSource.LoadChangesAsync(api, changes, KnownFor, ct) : null;
            content = partial ?? await ApiSource.LoadAsync(api, ct);
        }
        else
        {
            content = FolderSource.Load(options.From ?? throw new ArgumentException("Give --api or --from."), options.CmsUrl, KnownFor,
                new ImageVariantCache(options.ImageCache ?? ImageVariantCache.DefaultRoot()));
        }
        var usable = CacheFor(content.SiteKey);
        timings.Stage("source", $"{content.Posts.Count} posts, {content.Read} read");

        var model = SiteModelBuilder.Build(content, options.BaseUrl,
            key => usable is not null && usable.RelatedKey == key ? usable.Related : null);
        var context = new PageContext(model.Settings, assets.CssUrl, assets.JsUrl);
        timings.Stage("model");

        using var writer = new OutputWriter(output, manifest);
        assets.WriteTo(writer);
        var plan = usable?.PlanFor(file => writer.PreviousHash(file) is not null) ?? RenderPlan.Everything();
        var postSourceKey = PostKeys.SourceKey(content);
        var keys = new PostKeys(model, usable?.KeysFor(content.Reused, postSourceKey));
        timings.Stage("  post keys");
        // The previous index is of use only beside the output and cache it was written with.
        var previousSearch = searchRead is null ? null : await searchRead;
        var search = new SiteSearch(model, writer, usable is null ? null : previousSearch);
        timings.Stage("  search cache");
        var renderer = new SiteRenderer(model, context, writer, plan, progress, content.LoadBody, name => timings.Stage(name))
        {
            BodyRendered = search.PostRendered,
            Keys = keys,
        };
        var (cards, words) = renderer.RenderAll();
        SearchIndexCache? searchCache = null;
        timings.Stage("render", $"{renderer.Rendered} of {renderer.Pages} pages rendered");

        var searchTime = TimeSpan.Zero;
        // Independent of each other, and each written by one thread: side by side they take the time of the largest.
        Parallel.Invoke(
            () => WriteFeeds(model, plan, renderer.PostPages, writer, cards),
            () =>
            {
                if (plan.MustRender(Sitemap.FileName, Sitemap.Key(model)) || !writer.Keep(Sitemap.FileName))
                    writer.Write(Sitemap.FileName, Sitemap.Write(model));
            },
            () =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                searchCache = search.Write(cards, renderer.PostPages.RenderBody);
                searchTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            },
            () =>
            {
                writer.WriteText("robots.txt", SiteFiles.Robots(model.Settings));
                writer.WriteText("_redirects", SiteFiles.Redirects(model));
                writer.WriteText(SecurityHeaders.FileName, SecurityHeaders.File(model.Settings));
            });
        // The icons are made from the site's settings and icon image, which the global key covers.
        if (usable is not null && SiteIcons.IconPaths().All(path => writer.PreviousHash(path) is not null))
        {
            foreach (var path in SiteIcons.IconPaths()) writer.Keep(path);
            writer.Write(Urls.WebManifest.TrimStart('/'), SiteIcons.Manifest(model.Settings));
        }
        else
        {
            var iconSource = content.Media.FirstOrDefault(m => m.Url == content.Site.Icon) is { } icon ? await icon.ReadAsync(ct) : null;
            foreach (var (path, bytes) in SiteIcons.Files(iconSource, model.Settings, options.ImageCache ?? ImageVariantCache.DefaultRoot()))
                writer.Write(path, bytes);
        }
        await Parallel.ForEachAsync(content.Media, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (media, token) =>
        {
            var path = media.Url.TrimStart('/');
            if (content.MediaUnchanged && usable is not null && writer.Keep(path)) return;
            writer.Write(path, await media.ReadAsync(token));
        });
        timings.Stage("outputs", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"search index {searchTime.TotalMilliseconds:0} ms"));

        // The cache describes the output as it is; from here on it may not, until the new one is written. The new
        // caches hold the hash of the manifest the commit writes last, so they are written while the files are: until
        // that manifest is in place, the output's manifest is the old one, and a cache tied to the new one is not trusted.
        BuildCache.Delete(output);
        var (counts, _) = writer.Commit(cursor, alongside: newManifestHash => Parallel.Invoke(
            () => NewCache(content, model, cards, words, keys, plan, GlobalKey(content.SiteKey), postSourceKey, newManifestHash).Write(output),
            () => (searchCache! with { ManifestHash = newManifestHash }).Write(BuildCache.FolderFor(output))));
        timings.Stage("commit", $"{counts.Written} written, {counts.Deleted} deleted, build cache written alongside");
        return new BuildResult(renderer.Pages, clock.Elapsed, counts, model, context) { Problems = content.Problems };
    }

    /// <summary>RSS, Atom and JSON Feed carry the newest posts in full; they are rendered again only when those change.</summary>
    private static void WriteFeeds(SiteModel model, RenderPlan plan, PostPageRenderer posts, OutputWriter writer, PostCard[] cards)
    {
        var input = FeedInput.Of(cards);
        if (!plan.MustRender(FeedFiles.Names, input.Key()))
        {
            foreach (var file in FeedFiles.Names) writer.Keep(file);
            return;
        }
        foreach (var (file, content) in FeedFiles.Write(model.Settings, input, posts)) writer.Write(file, content);
    }

    private static BuildCache NewCache(SourceContent content, SiteModel model, PostCard[] cards, int[] words, PostKeys keys, RenderPlan plan,
        Hash128 globalKey, Hash128 postSourceKey, string manifestHash)
    {
        var sources = new Dictionary<string, ApiPost>(content.Posts.Count, StringComparer.Ordinal);
        foreach (var post in content.Posts) sources[post.Slug] = post;
        var posts = new Dictionary<string, CachedPost>(model.Posts.Count, StringComparer.Ordinal);
        foreach (var post in model.Posts)
        {
            var source = sources[post.Slug];
            // A post taken from the cache goes back as it came (its media included).
            var read = content.Reused.TryGetValue(post.Slug, out var known) && ReferenceEquals(known.Post, source) ? known
                : new KnownPost(source with { Body = null }, post.BodyKey,
                    content.PostMedia.TryGetValue(post.Slug, out var listed) ? listed
                    : source.Body is not null ? MediaReferences.Of(source, content.Site.CmsUrl)
                    : known?.Media ?? []);
            posts[post.Slug] = new CachedPost(read,
                new PostFacts(cards[post.Index].Excerpt, cards[post.Index].ReadingMinutes, words[post.Index]), keys[post.Index]);
        }
        return new BuildCache(BuildCache.CurrentVersion, globalKey, manifestHash, posts,
            plan.Keys, content.Files, model.RelatedKey, model.Related.Indexes,
            postSourceKey);
    }
}
