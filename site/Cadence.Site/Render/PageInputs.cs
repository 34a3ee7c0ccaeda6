using System.Text.Json.Serialization;
using Cadence.Site.Model;
using Cadence.Site.Source;

namespace Cadence.Site.Render;

// What each kind of page shows, besides the site's settings and assets (which every page shares and the build's
// global key covers) and its head. A page's component takes exactly its input, and the page's key is the hash of
// that input's JSON (see PageJob): a field a page shows is in its key because the page cannot show anything else.
// The posts a page shows are hashed once per build and stood for by their keys (see PostKeys).

/// <summary>A post's page: the post (its body stood for by its hash), its neighbours and its related posts.</summary>
/// <param name="Newsletter">The site-wide newsletter form shown at the foot of the post, or null when the site has none.</param>
public sealed record PostPageInput(Post Post, PostLink? Newer, PostLink? Older, IReadOnlyList<PostLink> Related, ApiForm? Newsletter = null)
{
    public static PostPageInput For(Post post, SiteModel model)
    {
        var posts = model.Posts;
        return new PostPageInput(post,
            post.Index > 0 ? PostLink.Of(posts[post.Index - 1]) : null,
            post.Index + 1 < posts.Count ? PostLink.Of(posts[post.Index + 1]) : null,
            model.Related.For(post).Select(PostLink.Of).ToArray(),
            model.Newsletter);
    }

    /// <summary>A post outside the model (a draft being previewed): no neighbours, nothing related.</summary>
    public static PostPageInput Standalone(Post post) => new(post, null, null, []);
}

/// <summary>A link to another post, as neighbours, related posts and the archive show it.</summary>
public sealed record PostLink(string Url, string Title, DateTimeOffset LocalDate)
{
    public static PostLink Of(Post post) => new(post.Url, post.Title, post.LocalDate);
}

/// <summary>A page of a post list: the home page, a tag, a category or an author.</summary>
/// <param name="Featured">The first card is shown large (the home page's first page).</param>
/// <param name="Newsletter">The newsletter sign-up shown under the cards (on the home page), or null.</param>
public sealed record ListPageInput(string Heading, string? Intro, string ListUrl, int Page, int Pages, IReadOnlyList<ListedPost> Cards,
    bool Featured = false, ApiForm? Newsletter = null);

/// <summary>A post as a list shows it, as a card; the excerpt and reading time may come from rendering its body.</summary>
/// <param name="Topic">Shown above the title: its category, as the post's own header names it, or else its first tag.</param>
public sealed record ListedPost(string Url, string Title, DateTimeOffset LocalDate, int ReadingMinutes, string Excerpt, FeaturedImage? Image, Term? Topic)
{
    public static ListedPost Of(PostCard card) => new(card.Post.Url, card.Post.Title, card.Post.LocalDate, card.ReadingMinutes, card.Excerpt,
        card.Post.Image, card.Post.Category ?? (card.Post.Tags.Count > 0 ? card.Post.Tags[0] : null));
}

/// <summary>Every tag (or category, or author) with its number of posts.</summary>
public sealed record GroupIndexInput(string Heading, IReadOnlyList<GroupLink> Groups);

public sealed record GroupLink(string Url, string Name, int Count);

/// <summary>The archive: every year with its count, and on a year's page that year's posts.</summary>
public sealed record ArchiveInput(string Heading, IReadOnlyList<YearLink> Years, int? Current, IReadOnlyList<PostLink> Posts);

public sealed record YearLink(int Year, string Url, int Count);

/// <summary>A page (About, Contact…): its title and its body as HTML, forms and all (see <see cref="ContentPages"/>).</summary>
/// <param name="ReviewedBy">Who checked the advice on the page, with <paramref name="LastReviewed"/>; null when nobody has.</param>
public sealed record ContentPageInput(string Title, string BodyHtml, Author? ReviewedBy = null, DateOnly? LastReviewed = null);

/// <summary>A short page: not found, or thanks after a form.</summary>
public sealed record MessageInput(string Heading, string Message);

/// <summary>Where a renamed post used to be.</summary>
public sealed record RedirectInput(string Target, string Canonical, string Lang);

/// <summary>Page inputs as JSON, only to hash them: generated at compile time, so keying needs no reflection.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(PageHead))]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(PostLink))]
[JsonSerializable(typeof(ListedPost))]
[JsonSerializable(typeof(ApiForm))]
[JsonSerializable(typeof(ListPageInput))]
[JsonSerializable(typeof(GroupIndexInput))]
[JsonSerializable(typeof(ArchiveInput))]
[JsonSerializable(typeof(MessageInput))]
[JsonSerializable(typeof(ContentPageInput))]
[JsonSerializable(typeof(RedirectInput))]
public sealed partial class PageInputJson : JsonSerializerContext;
