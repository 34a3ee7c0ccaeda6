using Cadence.Cms.Forms;
using Cadence.Cms.Media;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadence.Cms.Content;

/// <summary>Reads a pending save from the change tracker and says what it changes on the site, judged by <see cref="LivePosts"/>.</summary>
public static class SiteChangeDetector
{
    public static SiteChanges Detect(ChangeTracker tracker)
    {
        var posts = new List<PostChange>();
        var areas = new HashSet<SiteArea>();
        var entries = tracker.Entries().ToList();
        // Looked up by id once per save, not searched per tag link: Entries<T>() detects changes across the whole
        // tracker on every call, which made a bulk import quadratic in its posts.
        Dictionary<int, Post>? postsById = null;
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Post post:
                    posts.Add(Of(entry, post));
                    break;
                case SiteSettings: areas.Add(SiteArea.Settings); break;
                case FormDefinition: areas.Add(SiteArea.Forms); break;
                case Tag: areas.Add(SiteArea.Tags); break;
                case Category: areas.Add(SiteArea.Categories); break;
                case Author: areas.Add(SiteArea.Authors); break;
                case SlugRedirect: areas.Add(SiteArea.Redirects); break;
                case MediaFile or MediaVariant: areas.Add(SiteArea.Media); break;
                case Dictionary<string, object> when entry.Metadata.Name == "PostTags":
                    // Tag counts and tag pages change; a live post's own page lists its tags, so it is edited too.
                    areas.Add(SiteArea.TagLinks);
                    postsById ??= PostsById(entries);
                    var linked = entry.Property("PostsId").CurrentValue is int postId ? postsById.GetValueOrDefault(postId) : null;
                    if (linked is { IsLive: true }) posts.Add(new PostChange(linked.Slug, PostChangeKind.Edited, Content: linked.Kind));
                    else areas.Add(SiteArea.Tags);
                    break;
            }
        }
        return posts.Count == 0 && areas.Count == 0 ? SiteChanges.None : new SiteChanges(posts.Distinct().ToList(), areas);
    }

    /// <summary>Stored posts by id. A post being added has no id yet, so its tag links count as tag changes, not as its edit.</summary>
    private static Dictionary<int, Post> PostsById(List<EntityEntry> entries)
    {
        var byId = new Dictionary<int, Post>();
        foreach (var entry in entries)
            if (entry.Entity is Post { Id: not 0 } post) byId.TryAdd(post.Id, post);
        return byId;
    }

    private static PostChange Of(EntityEntry entry, Post post)
    {
        var liveNow = entry.State != EntityState.Deleted && post.IsLive;
        var wasLive = entry.State != EntityState.Added && LivePosts.Is(
            (PostStatus)entry.Property(nameof(Post.Status)).OriginalValue!, (DateTime?)entry.Property(nameof(Post.DeletedAt)).OriginalValue);
        var oldSlug = entry.State == EntityState.Modified ? entry.Property(nameof(Post.Slug)).OriginalValue as string : null;
        var renamed = oldSlug is not null && oldSlug != post.Slug ? oldSlug : null;

        var kind = (wasLive, liveNow) switch
        {
            (false, true) => PostChangeKind.Published,
            (true, true) => PostChangeKind.Edited,
            (true, false) when entry.State == EntityState.Deleted || post.DeletedAt is not null => PostChangeKind.Deleted,
            (true, false) => PostChangeKind.Unpublished,
            _ => PostChangeKind.Draft,
        };
        return new PostChange(post.Slug, kind, renamed, post.Kind);
    }
}
