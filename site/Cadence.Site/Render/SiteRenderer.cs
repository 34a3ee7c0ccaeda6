using Cadence.Site.Model;
using Cadence.Site.Outputs;
using Cadence.Site.Write;

namespace Cadence.Site.Render;

/// <summary>
/// Renders every page into the writer, in parallel: first the posts (whose rendering yields the excerpts and
/// reading times the lists show), then every other page.
/// </summary>
public sealed class SiteRenderer(SiteModel model, PageContext context, OutputWriter writer, BuildProgress progress)
{
    private int _pages;

    public int Pages => _pages;

    /// <returns>The list card of every post (in model order) and the feed items for the newest posts.</returns>
    public (PostCard[] Cards, FeedItem[] Latest) RenderAll()
    {
        var posts = model.Posts;
        var cards = new PostCard[posts.Count];
        var latest = new FeedItem[Math.Min(SyndicationFeeds.Items, posts.Count)];
        var postPages = new PostPageRenderer(model, context);
        progress.Start(posts.Count);

        Parallel.For(0, posts.Count, Options, () => new ComponentRenderer(), (i, _, renderer) =>
        {
            var (html, rendered) = postPages.Render(renderer, posts[i]);
            writer.WriteText(Urls.FileFor(posts[i].Url), html);
            cards[i] = rendered.Card;
            if (i < latest.Length) latest[i] = new FeedItem(posts[i], rendered.Card.Excerpt, rendered.BodyHtml);
            Interlocked.Increment(ref _pages);
            progress.Advance();
            return renderer;
        }, renderer => renderer.Dispose());

        var postUrls = posts.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var jobs = new ListPages(model, context, cards).All();
        // A redirect never replaces a live post (an old slug may have been reused).
        jobs.RemoveAll(job => postUrls.Contains(job.Url));
        progress.Start(jobs.Count);
        Parallel.For(0, jobs.Count, Options, () => new ComponentRenderer(), (i, _, renderer) =>
        {
            writer.WriteText(Urls.FileFor(jobs[i].Url), jobs[i].Render(renderer));
            Interlocked.Increment(ref _pages);
            progress.Advance();
            return renderer;
        }, renderer => renderer.Dispose());
        progress.Finish();
        return (cards, latest);
    }

    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
