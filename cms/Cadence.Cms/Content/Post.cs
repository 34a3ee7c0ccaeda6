namespace Cadence.Cms.Content;

public enum PostStatus { Draft, Scheduled, Published }

public sealed class Post : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>A post or a page; see <see cref="PageRules"/> for what a page leaves out.</summary>
    public PostKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string? Excerpt { get; set; }
    public string Body { get; set; } = "";
    public PostStatus Status { get; set; }

    /// <summary>UTC. For a scheduled post, the time it goes live.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when the post is in the trash; trashed posts are invisible outside the manager.</summary>
    public DateTime? DeletedAt { get; set; }

    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public string? SocialImage { get; set; }
    public string? CanonicalUrl { get; set; }

    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }
    public List<Tag> Tags { get; set; } = [];

    /// <summary>The clinician (an author profile) who checked the advice; set by Editors and Admins only (<see cref="PostReview"/>).</summary>
    public int? ReviewedById { get; set; }
    public Author? ReviewedBy { get; set; }

    /// <summary>The day the advice was last checked, as the reviewer dated it; set together with <see cref="ReviewedBy"/>.</summary>
    public DateOnly? LastReviewed { get; set; }

    /// <summary>Shown in the home page's featured card: the newest featured post is.</summary>
    public bool Featured { get; set; }

    /// <summary>The user who created the post; Authors may edit only their own.</summary>
    public string? OwnerId { get; set; }

    /// <summary>UTC. Set when an Author asks for review; cleared when the post is published or scheduled.</summary>
    public DateTime? ReviewRequestedAt { get; set; }

    /// <summary>Goes up by one with every save of the post; a save based on an older version is refused (<see cref="PostEditor"/>).</summary>
    public int Version { get; set; }

    /// <summary>
    /// The open editor (a random id per page load) that wrote <see cref="Version"/>. That editor has seen everything
    /// in the version it wrote, so its next autosave may build on it though its page still shows the version it opened.
    /// </summary>
    public string? VersionEditSession { get; set; }

    public bool IsLive => LivePosts.Is(Status, DeletedAt);

    public bool IsPage => Kind == PostKind.Page;
}
