using Cadence.Cms.Data;

namespace Cadence.Cms.Content;

/// <summary>
/// Writes the changes feed: a row per touched slug (old and new on a rename), and one row with no slug when
/// anything site-wide changed. The feed tells live from gone when it is read. A save that leaves a post unseen before
/// and after (a draft, a scheduled post) writes no row: the feed is read with the content key, and a slug that was
/// never public must not reach it, not even as deleted.
/// </summary>
public sealed class ChangesFeedWriter : ISiteChangeWriter
{
    public void Write(CadenceDb db, SiteChanges changes, DateTime now)
    {
        var slugs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var post in changes.Posts.Where(p => p.Kind != PostChangeKind.Draft))
        {
            slugs.Add(post.Slug);
            if (post.PreviousSlug is not null) slugs.Add(post.PreviousSlug);
        }
        foreach (var slug in slugs) db.ContentChanges.Add(new ContentChange { Slug = slug, At = now });
        if (changes.Areas.Count > 0) db.ContentChanges.Add(new ContentChange { Slug = null, At = now });
    }
}
