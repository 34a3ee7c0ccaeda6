using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cadence.Cms.Ghost;

// Ghost's Content API shapes (v5), written in snake_case by GhostJson. Every field Ghost sends is here, null where
// Cadence has nothing to say, so front ends that read them find them. Fields a query did not include are removed by
// GhostShape before sending; a count is there only when asked for.

public sealed record GhostPost(
    string Id, string Uuid, string Title, string Slug, string? Html, string? Plaintext, string CommentId,
    string? FeatureImage, string? FeatureImageAlt, string? FeatureImageCaption, bool Featured, string Visibility,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string? CustomExcerpt,
    string? CodeinjectionHead, string? CodeinjectionFoot, string? CustomTemplate, string? CanonicalUrl,
    IReadOnlyList<GhostTag> Tags, IReadOnlyList<GhostAuthor> Authors, GhostAuthor? PrimaryAuthor, GhostTag? PrimaryTag,
    string Url, string Excerpt, int ReadingTime, bool Access, bool Comments,
    string? OgImage, string? OgTitle, string? OgDescription, string? TwitterImage, string? TwitterTitle, string? TwitterDescription,
    string? MetaTitle, string? MetaDescription, string? EmailSubject, string? Frontmatter);

public sealed record GhostCount(int Posts);

public sealed record GhostTag(
    string Id, string Name, string Slug, string? Description, string? FeatureImage, string Visibility,
    string? OgImage, string? OgTitle, string? OgDescription, string? TwitterImage, string? TwitterTitle, string? TwitterDescription,
    string? MetaTitle, string? MetaDescription, string? CodeinjectionHead, string? CodeinjectionFoot, string? CanonicalUrl,
    string? AccentColor, string Url, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GhostCount? Count);

public sealed record GhostAuthor(
    string Id, string Name, string Slug, string? ProfileImage, string? CoverImage, string? Bio, string? Website,
    string? Location, string? Facebook, string? Twitter, string? MetaTitle, string? MetaDescription, string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GhostCount? Count);

public sealed record GhostNavigation(string Label, string Url);

public sealed record GhostSettings(
    string Title, string Description, string? Logo, string? Icon, string AccentColor, string? CoverImage,
    string? Facebook, string? Twitter, string Lang, string Locale, string Timezone, string? CodeinjectionHead, string? CodeinjectionFoot,
    IReadOnlyList<GhostNavigation> Navigation, IReadOnlyList<GhostNavigation> SecondaryNavigation,
    string? MetaTitle, string? MetaDescription, string? OgImage, string? OgTitle, string? OgDescription,
    string? TwitterImage, string? TwitterTitle, string? TwitterDescription, string? MembersSupportAddress, string Url);

/// <param name="Limit">A number, or the text <c>all</c>, as Ghost writes it.</param>
public sealed record GhostPagination(int Page, JsonNode Limit, int Pages, int Total, int? Next, int? Prev)
{
    public GhostPagination(int page, int limit, int pages, int total, int? next, int? prev) : this(page, JsonValue.Create(limit), pages, total, next, prev) { }

    public GhostPagination(int page, string limit, int pages, int total, int? next, int? prev) : this(page, JsonValue.Create(limit)!, pages, total, next, prev) { }
}

/// <summary>One entry of Ghost's <c>errors</c> array, which Ghost's clients turn into the error they throw.</summary>
public sealed record GhostError(string Message, string Type);
