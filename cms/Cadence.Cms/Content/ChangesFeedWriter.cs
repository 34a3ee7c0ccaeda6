using Cadence.Cms.Data;

namespace Cadence.Cms.Content;

/// <summary>
/// Writes the changes feed: a row per touched slug (old and new on a rename), and one row with no slug when
/// anything site-wide changed. The feed tells live from gone when it is read, so drafts are recorded too.
/// </summary>
public sealed class ChangesFeedWriter : ISiteChangeWriter
{
    public void Write(CadenceDb db, SiteChanges changes, DateTime now)
    {
        var slugs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var post in changes.Posts)
        {
            slugs.Add(post.Slug);
            if (post.PreviousSlug is not null) slugs.Add(post.PreviousSlug);
        }
        foreach (var slug in slugs) db.ContentChanges.Add(new ContentChange { Slug = slug, At = now });
        if (changes.Areas.Count > 0) db.ContentChanges.Add(new ContentChange { Slug = null, At = now });
    }
}
