using System.Collections.Concurrent;
using Cadence.Site.Build;
using Cadence.Site.Model;
using Cadence.Site.Outputs;
using Cadence.Site.Write;

namespace Cadence.Site.Render;

/// <summary>
/// Renders every page into the writer, in parallel: first the posts (whose rendering yields the excerpts and
/// reading times the lists show), then every other page. With a build cache, a page whose input key is the one
/// the cached build recorded is kept as it is, without rendering.
/// </summary>
public sealed class SiteRenderer(SiteModel model, PageContext context, OutputWriter writer, BuildProgress progress,
    BuildCache? cache = null, Func<string, string>? loadBody = null, Build.StageTimings? timings = null)
{
    private readonly PostPageRenderer _postPages = new(model, context, loadBody);
    private int _pages;
    private int _rendered;

    public int Pages => _pages;

    /// <summary>Pages actually rendered (the rest were kept from the previous build).</summary>
    public int Rendered => _rendered;

    /// <summary>Every page's input key by output path, for the next build's cache.</summary>
    public ConcurrentDictionary<string, string> PageKeys { get; } = new(StringComparer.Ordinal);

    /// <returns>The list card and word count of every post (in model order), and the bodies rendered of the newest posts.</returns>
    public (PostCard[] Cards, int[] Words, string?[] LatestBodies) RenderAll()
    {
        var posts = model.Posts;
        var cards = new PostCard[posts.Count];
        var words = new int[posts.Count];
        var bodies = new string?[Math.Min(SyndicationFeeds.Items, posts.Count)];
        var postPages = _postPages;
        progress.Start(posts.Count);

        Parallel.For(0, posts.Count, Options, () => new ComponentRenderer(), (i, _, renderer) =>
        {
            var post = posts[i];
            var file = Urls.FileFor(post.Url);
            var key = BuildCache.Hex(PostPageKey(post));
            PageKeys[file] = key;
            if (cache is not null && cache.Posts.TryGetValue(post.Slug, out var known) && known.Key == BuildCache.Hex(post.Key) && IsCurrent(file, key))
            {
                cards[i] = new PostCard(post, known.Excerpt, known.ReadingMinutes);
                words[i] = known.WordCount;
            }
            else
            {
                var (html, rendered) = postPages.Render(renderer, post);
                writer.WriteText(file, html);
                cards[i] = rendered.Card;
                words[i] = rendered.WordCount;
                if (i < bodies.Length) bodies[i] = rendered.BodyHtml;
                Interlocked.Increment(ref _rendered);
            }
            Interlocked.Increment(ref _pages);
            progress.Advance();
            return renderer;
        }, renderer => renderer.Dispose());

        timings?.Stage("  posts");
        var postUrls = posts.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var jobs = new ListPages(model, context, cards).All();
        timings?.Stage("  list jobs");
        // A redirect never replaces a live post (an old slug may have been reused).
        jobs.RemoveAll(job => postUrls.Contains(job.Url));
        progress.Start(jobs.Count);
        Parallel.For(0, jobs.Count, Options, () => new ComponentRenderer(), (i, _, renderer) =>
        {
            var file = Urls.FileFor(jobs[i].Url);
            var key = BuildCache.Hex(jobs[i].Key);
            PageKeys[file] = key;
            if (!IsCurrent(file, key))
            {
                writer.WriteText(file, jobs[i].Render(renderer));
                Interlocked.Increment(ref _rendered);
            }
            Interlocked.Increment(ref _pages);
            progress.Advance();
            return renderer;
        }, renderer => renderer.Dispose());
        progress.Finish();
        return (cards, words, bodies);
    }

    /// <summary>True (and the file is kept) when the cached build rendered this file from the same inputs.</summary>
    public bool IsCurrent(string file, string key) => Matches(file, key) && writer.Keep(file);

    /// <summary>True when the cached build rendered this file from the same inputs and it is still in the output.</summary>
    public bool Matches(string file, string key) =>
        cache is not null && cache.Pages.TryGetValue(file, out var old) && old == key && writer.PreviousHash(file) is not null;

    /// <summary>The feeds' items; bodies not rendered in this build are rendered now, which only a feed change needs.</summary>
    public FeedItem[] LatestItems(PostCard[] cards, string?[] bodies)
    {
        var items = new FeedItem[bodies.Length];
        Parallel.For(0, items.Length, i =>
            items[i] = new FeedItem(model.Posts[i], cards[i].Excerpt, bodies[i] ?? _postPages.RenderBody(model.Posts[i]).Html));
        return items;
    }

    /// <summary>A hash of the feeds' inputs: the newest posts, each with its excerpt.</summary>
    public static Hash128 FeedKey(SiteModel model, PostCard[] cards)
    {
        var key = new InputKey();
        for (var i = 0; i < Math.Min(SyndicationFeeds.Items, model.Posts.Count); i++) key.Add(model.Posts[i].Key).Add(cards[i].Excerpt);
        return key.Value;
    }

    /// <summary>What a post page shows: the post itself, its neighbours' links and its related posts.</summary>
    private Hash128 PostPageKey(Post post)
    {
        var posts = model.Posts;
        var key = new InputKey().Add(post.Key);
        var newer = post.Index > 0 ? posts[post.Index - 1] : null;
        var older = post.Index + 1 < posts.Count ? posts[post.Index + 1] : null;
        key.Add(newer?.Url).Add(newer?.Title).Add(older?.Url).Add(older?.Title);
        foreach (var related in model.Related.For(post)) key.Add(related.Url).Add(related.Title).Add(related.LocalDate);
        return key.Value;
    }

    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
