using System.Text;
using Cadence.Markdown.Dialect;
using Cadence.Site.Model;
using Cadence.Site.Render.Theme;

namespace Cadence.Site.Render;

/// <summary>What rendering one post yields besides its page: the body (with its plain text, for search) and its list summary.</summary>
public sealed record RenderedPost(RenderedMarkdown Body, PostCard Card, int WordCount);

/// <summary>Renders a post page: the body through the shared Markdown dialect, then the PostPage component.</summary>
public sealed class PostPageRenderer
{
    public const int ExcerptLength = 200;
    private readonly SiteModel _model;
    private readonly PageContext _context;
    private readonly Dictionary<string, string> _formHtml;

    private readonly Func<string, string>? _loadBody;

    /// <param name="loadBody">Fetches the body of a post that came from the build cache without one.</param>
    public PostPageRenderer(SiteModel model, PageContext context, Func<string, string>? loadBody = null)
    {
        _loadBody = loadBody;
        _model = model;
        _context = context;
        // A form's markup is the same wherever it appears, so it is written once per build.
        _formHtml = model.FormList.ToDictionary(f => f.Key, f => FormMarkup.Write(f, model.Settings.CmsUrl), StringComparer.Ordinal);
    }

    public string FormHtml(string key) =>
        _formHtml.TryGetValue(key, out var html) ? html : $"<!-- No form is defined with the key {key}. -->\n";

    /// <summary>A body image as a responsive picture, lazily loaded: the cover, or the text above it, fills the first screen.</summary>
    public string? ImageHtml(MarkdownImage image) =>
        _model.Images.TryGetValue(image.Url, out var variants)
            ? PictureMarkup.Write(image.Url, image.Alt, null, null, variants, aboveTheFold: false)
            : null;

    /// <summary>The body as the post's page shows it (its lead apart), and its words as search reads them.</summary>
    public RenderedMarkdown RenderBody(Post post) =>
        MarkdownDialect.Render(post.Body ?? LoadBody(post), FormHtml, ImageHtml, plainText: true, leadApart: true);

    /// <summary>The body as the feeds carry it: each call to action a link to its form on the post's page.</summary>
    public string RenderFeedBody(Post post)
    {
        var page = _model.Settings.Absolute(post.Url);
        return MarkdownDialect.Render(post.Body ?? LoadBody(post),
            key => _model.Forms.TryGetValue(key, out var form) ? FormMarkup.FeedLink(form, page) : "").Html;
    }

    private string LoadBody(Post post) =>
        _loadBody?.Invoke(post.Slug) ?? throw new InvalidOperationException($"The body of '{post.Slug}' is not loaded.");

    public (StringBuilder Html, RenderedPost Post) Render(ComponentRenderer renderer, PostPageInput input)
    {
        var post = input.Post;
        var rendered = RenderBody(post);
        var facts = rendered.Facts;
        var excerpt = post.Excerpt ?? PlainText.Shorten(facts.PlainStart, ExcerptLength);
        var minutes = post.ReadingMinutes ?? facts.ReadingMinutes;
        var words = post.WordCount ?? facts.WordCount;

        var settings = _model.Settings;
        var description = post.Seo?.Description ?? excerpt;
        var canonical = post.Seo?.CanonicalUrl ?? settings.Absolute(post.Url);
        var image = post.Seo?.SocialImage ?? post.Image?.Url;
        var head = new PageHead(
            $"{post.Seo?.Title ?? post.Title} | {settings.Title}", description, post.Url, "article",
            image, post.Seo?.SocialImage is null ? post.Image?.Alt : null,
            post.Seo?.SocialImage is null ? post.Image?.Width : null, post.Seo?.SocialImage is null ? post.Image?.Height : null,
            StructuredData.BlogPosting(post, settings, description, words, canonical), CanonicalUrl: canonical,
            Article: ArticleMeta.Of(post, settings));

        var contents = new List<MarkdownHeading>();
        foreach (var heading in facts.Headings)
            if (heading.Level == 2 && heading.Id.Length > 0) contents.Add(heading);

        var html = renderer.Render<PostPage>(new Dictionary<string, object?>
        {
            [nameof(PostPage.Context)] = _context,
            [nameof(PostPage.Head)] = head,
            [nameof(PostPage.Input)] = input,
            [nameof(PostPage.Body)] = LeadAndRest.Of(rendered),
            [nameof(PostPage.ReadingMinutes)] = minutes,
            [nameof(PostPage.Contents)] = contents,
        });
        return (html, new RenderedPost(rendered, new PostCard(post, excerpt, minutes), words));
    }
}
