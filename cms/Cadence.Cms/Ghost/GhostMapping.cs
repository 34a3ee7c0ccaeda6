using System.Net;
using Cadence.Cms.Content;
using Cadence.Cms.Delivery;
using Cadence.Markdown.Dialect;
using Markdig.Syntax;

namespace Cadence.Cms.Ghost;

/// <param name="Site">The site's public address (<see cref="PostAddress.SiteAsync"/>), for <c>url</c> fields.</param>
/// <param name="Cms">The CMS's public address, which serves the media: Ghost front ends need images as full URLs.</param>
public sealed record GhostLinks(string Site, string Cms)
{
    public string? Media(string? url) => url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? Cms + url : url;
}

/// <summary>
/// Cadence's posts, pages, tags and authors in Ghost's shapes, by the delivery API's rules: the same excerpt, reading
/// time and paths (<see cref="PostMapping"/>, <see cref="PostAddress"/>) and the same rendered, sanitised HTML.
/// </summary>
public sealed class GhostMapping(MarkdownFactsCache factsCache)
{
    public GhostPost Post(Post post, GhostLinks links, bool plaintext)
    {
        var facts = factsCache.For(post.Body);
        var tags = post.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Tag(t, links, null)).ToList();
        var authors = post.Author is { } a ? [Author(a, links, null)] : new List<GhostAuthor>();
        var html = MarkdownDialect.Render(post.Body, imageHtml: image => ImageHtml(image, links)).Html;
        var id = GhostIds.Of(GhostIds.Kind.Post, post.Id);
        var image = links.Media(post.Image);
        var social = links.Media(post.SocialImage);
        return new GhostPost(
            id, GhostIds.UuidOf(post.Id), post.Title, post.Slug, html, plaintext ? PlainTextOf(post.Body) : null, id,
            image, image is null ? null : post.ImageAlt, null, post.Featured, "public",
            PostMapping.AsUtc(post.CreatedAt)!.Value, PostMapping.AsUtc(post.UpdatedAt)!.Value, PostMapping.AsUtc(post.PublishedAt),
            post.Excerpt, null, null, null, post.CanonicalUrl,
            tags, authors, authors.FirstOrDefault(), tags.FirstOrDefault(),
            links.Site + PostAddress.PathOf(post.Kind, post.Slug), PostMapping.ExcerptOf(post.Excerpt, facts), facts.ReadingMinutes,
            Access: true, Comments: false,
            social, null, null, social, null, null, post.SeoTitle, post.SeoDescription, null, null);
    }

    public static GhostTag Tag(Tag tag, GhostLinks links, int? postCount) => new(
        GhostIds.Of(GhostIds.Kind.Tag, tag.Id), tag.Name, tag.Slug, null, null, "public",
        null, null, null, null, null, null, null, null, null, null, null, null,
        links.Site + PostAddress.TagPathOf(tag.Slug), postCount is { } n ? new GhostCount(n) : null);

    public static GhostAuthor Author(Author author, GhostLinks links, int? postCount) => new(
        GhostIds.Of(GhostIds.Kind.Author, author.Id), author.Name, author.Slug, links.Media(author.Avatar), null, author.Bio,
        null, null, null, null, null, null,
        links.Site + PostAddress.AuthorPathOf(author.Slug), postCount is { } n ? new GhostCount(n) : null);

    /// <summary>Images under the CMS's media get its full address, so they load on a front end at another address.</summary>
    private static string? ImageHtml(MarkdownImage image, GhostLinks links)
    {
        if (links.Media(image.Url) is not { } url || url == image.Url) return null;
        var title = image.Title is { Length: > 0 } t ? $" title=\"{WebUtility.HtmlEncode(t)}\"" : "";
        return $"<img src=\"{WebUtility.HtmlEncode(url)}\" alt=\"{WebUtility.HtmlEncode(image.Alt)}\"{title} loading=\"lazy\" />";
    }

    /// <summary>The body's text, a line per paragraph, heading, list item or code block; raw HTML and forms left out.</summary>
    private static string PlainTextOf(string markdown) => string.Join("\n",
        Markdig.Markdown.Parse(markdown, MarkdownDialect.Pipeline).Descendants<LeafBlock>()
            .Select(block => block switch
            {
                CodeBlock code => code.Lines.ToString().TrimEnd(),
                { Inline: { } inline } => PlainText.Of(inline),
                _ => "",
            })
            .Where(line => line.Length > 0));
}
