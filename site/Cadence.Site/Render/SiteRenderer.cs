using Cadence.Markdown.Dialect;
using Cadence.Site.Model;

namespace Cadence.Site.Render;

/// <summary>
/// Renders every page into the output, in parallel: first the posts (whose rendering yields the excerpts and
/// reading times the lists show), then every other page. A page the plan finds current is kept as it is.
/// </summary>
/// <param name="stage">Told when each part of rendering ends, for <c>--timings</c>.</param>
public sealed class SiteRenderer(SiteModel model, PageContext context, IPageOutput output, RenderPlan plan, BuildProgress progress,
    Func<string, string>? loadBody = null, Action<string>? stage = null)
{
    private readonly PostPageRenderer _postPages = new(model, context, loadBody);
    private int _pages;
    private int _rendered;

    public int Pages => _pages;

    /// <summary>Pages actually rendered (the rest were kept from the previous build).</summary>
    public int Rendered => _rendered;

    public PostPageRenderer PostPages => _postPages;

    /// <summary>Told the body of each post rendered in this build (from many threads): the search index reads it
    /// there rather than render it again, and nothing holds the bodies after.</summary>
    public Action<Post, PostCard, RenderedMarkdown>? BodyRendered { get; init; }

    /// <summary>The posts' keys, with what the build cache knows of them; made from the model alone when not given.</summary>
    public PostKeys? Keys { get; init; }

    /// <returns>The list card and word count of every post (in model order).</returns>
    public (PostCard[] Cards, int[] Words) RenderAll()
    {
        var posts = model.Posts;
        var cards = new PostCard[posts.Count];
        var words = new int[posts.Count];
        var postPages = _postPages;
        var keys = Keys ?? new PostKeys(model);
        progress.Start(posts.Count);

        Parallel.For(0, posts.Count, Options, () => new ComponentRenderer(), (i, _, renderer) =>
        {
            var post = posts[i];
            var file = Urls.FileFor(post.Url);
            if (plan.MustRender(file, keys.PostPage(post), post.Slug, out var known) || !output.Keep(file))
            {
                var (html, rendered) = postPages.Render(renderer, PostPageInput.For(post, model));
                output.WriteText(file, html);
                BodyRendered?.Invoke(post, rendered.Card, rendered.Body);
                cards[i] = rendered.Card;
                words[i] = rendered.WordCount;
                Interlocked.Increment(ref _rendered);
            }
            else
            {
                cards[i] = new PostCard(post, known!.Excerpt, known.ReadingMinutes);
                words[i] = known.WordCount;
            }
            Interlocked.Increment(ref _pages);
            progress.Advance();
            return renderer;
        }, renderer => renderer.Dispose());

        stage?.Invoke("  posts");
        var postUrls = posts.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var jobs = new ListPages(model, context, cards, keys).All();
        jobs.AddRange(ContentPages.Jobs(model, context, postPages.FormHtml));
        stage?.Invoke("  list jobs");
        // A redirect never replaces a live post (an old slug may have been reused).
        jobs.RemoveAll(job => postUrls.Contains(job.Url));
        progress.Start(jobs.Count);
        Parallel.For(0, jobs.Count, Options, () => new ComponentRenderer(), (i, _, renderer) =>
        {
            var file = Urls.FileFor(jobs[i].Url);
            if (plan.MustRender(file, jobs[i].Key) || !output.Keep(file))
            {
                output.WriteText(file, jobs[i].Render(renderer));
                Interlocked.Increment(ref _rendered);
            }
            Interlocked.Increment(ref _pages);
            progress.Advance();
            return renderer;
        }, renderer => renderer.Dispose());
        progress.Finish();
        return (cards, words);
    }

    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
