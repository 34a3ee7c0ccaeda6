namespace Cadence.Cms.Content;

/// <summary>What one save means for the site, worked out once by <see cref="SiteChangeDetector"/> and recorded by every <see cref="ISiteChangeWriter"/>.</summary>
/// <param name="Posts">Each post the save touched, once, with what it means for readers.</param>
/// <param name="Areas">The site-wide things the save touched.</param>
public sealed record SiteChanges(IReadOnlyList<PostChange> Posts, IReadOnlySet<SiteArea> Areas)
{
    public static readonly SiteChanges None = new([], new HashSet<SiteArea>());

    public bool IsEmpty => Posts.Count == 0 && Areas.Count == 0;
}

/// <param name="Slug">The post's slug after the save (before it, for a post deleted outright).</param>
/// <param name="PreviousSlug">The slug before the save when the save renamed the post; its old page is left behind.</param>
/// <param name="Content">Whether it is a post or a page; receivers rebuild different addresses for each.</param>
public sealed record PostChange(string Slug, PostChangeKind Kind, string? PreviousSlug = null, PostKind Content = PostKind.Post);

public enum PostChangeKind
{
    /// <summary>Not live before or after: readers see nothing new.</summary>
    Draft,
    /// <summary>Went live (published now, or a scheduled post whose time came).</summary>
    Published,
    /// <summary>Live before and after, and changed (its text, its slug or its tags).</summary>
    Edited,
    /// <summary>Live before, a draft or scheduled now.</summary>
    Unpublished,
    /// <summary>Live before, in the trash or deleted now.</summary>
    Deleted,
}

/// <summary>
/// Site-wide things a save can change; each touches pages other than one post's. Media (uploads, alt text, variants)
/// raise no webhook of their own but change what the API answers, so the changes feed and its version see them.
/// </summary>
public enum SiteArea { Settings, Forms, Tags, Categories, Authors, Redirects, TagLinks, Media }

/// <summary>Records a save's <see cref="SiteChanges"/> in the same unit of work, so the record commits or rolls back with the change.</summary>
public interface ISiteChangeWriter
{
    void Write(Data.CadenceDb db, SiteChanges changes, DateTime now);
}
