using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Markdown.Dialect;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>Turns posts into their API shape, reading the media sizes they need in one query.</summary>
public sealed class PostMapping(CadenceDb db, MarkdownFactsCache factsCache)
{
    public async Task<List<PostDto>> ToDtosAsync(IReadOnlyList<Post> posts, bool includeBody, CancellationToken cancellationToken)
    {
        var imageNames = posts.Select(p => MediaFileName(p.Image)).OfType<string>().Distinct().ToList();
        var sizes = await db.Media.AsNoTracking().Where(m => imageNames.Contains(m.FileName) && m.IsPublic)
            .Select(m => new { m.Id, m.FileName, m.Width, m.Height }).ToDictionaryAsync(m => m.FileName, cancellationToken);
        var variants = await ImageVariants.ByMediaAsync(db, sizes.Values.Select(s => s.Id).ToList(), cancellationToken);

        return posts.Select(post =>
        {
            var facts = factsCache.For(post.Body);
            ImageDto? image = null;
            if (post.Image is not null)
            {
                var size = MediaFileName(post.Image) is { } name && sizes.TryGetValue(name, out var found) ? found : null;
                image = new ImageDto(post.Image, post.ImageAlt, size?.Width, size?.Height,
                    size is not null && variants.TryGetValue(size.Id, out var made) ? made : []);
            }
            return new PostDto(
                post.Slug, post.Title, ExcerptOf(post.Excerpt, facts),
                post.Status.ToString().ToLowerInvariant(), AsUtc(post.PublishedAt), AsUtc(post.UpdatedAt)!.Value,
                facts.ReadingMinutes, facts.WordCount, includeBody ? post.Body : null,
                post.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new TermDto(t.Slug, t.Name)).ToList(),
                post.Category is { } c ? new TermDto(c.Slug, c.Name) : null,
                AuthorRef(post.Author),
                image,
                new SeoDto(post.SeoTitle, post.SeoDescription, post.SocialImage, post.CanonicalUrl),
                facts.FormKeys, PostAddress.PathOf(post.Slug),
                post.Featured, AuthorRef(post.ReviewedBy), post.LastReviewed);
        }).ToList();
    }

    /// <summary>The excerpt an editor wrote, else the start of the body's first paragraph.</summary>
    public static string ExcerptOf(string? written, MarkdownFacts facts) => written ?? PlainText.Shorten(facts.PlainStart, 200);

    public static AuthorRefDto? AuthorRef(Author? author) =>
        author is null ? null : new AuthorRefDto(author.Slug, author.Name, author.Bio, author.Avatar, author.Credentials);

    public static DateTimeOffset? AsUtc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static string? MediaFileName(string? url) =>
        url is not null && url.StartsWith("/media/", StringComparison.Ordinal) ? url["/media/".Length..] : null;
}
