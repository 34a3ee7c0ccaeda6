using System.Runtime.CompilerServices;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadence.Cms.Content;

/// <summary>
/// Keeps each tag's <see cref="Tag.LivePostCount"/>, so the tag list and a tag's total read one row per tag however
/// big the site grows (counting on every read walked every live post's tag links: about 350 ms at 100,000 posts).
/// </summary>
/// <remarks>
/// A save that can move a count (a post added, deleted, published, unpublished, trashed or restored, or its tag links
/// changed) counts the live tag links of exactly those posts in the database before its own statements and again after
/// them, and adds the difference to each tag. Both counts run inside the save's transaction and its changes-feed turn
/// (<see cref="ChangesFeedTurn"/>), which writers on every instance take one at a time, so the counts follow what the
/// database holds, not what the change tracker believed. A save of very many posts (an import) counts every tag again.
/// </remarks>
internal static class TagPostCounts
{
    // Past this many posts in one save, one pass over every live post's links is cheaper than reading each post twice.
    private const int CountAllAbove = 500;

    private sealed record Pending(List<EntityEntry> Entries, Dictionary<int, int>? Before);

    private static readonly ConditionalWeakTable<DbContext, Pending> Saves = [];

    /// <summary>Before the save's statements, in its turn: notes the posts it moves and their tags' counts now.</summary>
    public static async Task NoteAsync(CadenceDb db, CancellationToken cancellationToken)
    {
        var entries = Moving(db.ChangeTracker);
        if (entries.Count == 0) return;
        var stored = PostIds(entries, afterSave: false);
        var before = stored.Count > CountAllAbove ? null : await CountAsync(db, stored, cancellationToken);
        Saves.AddOrUpdate(db, new Pending(entries, before));
    }

    /// <summary>After the save's statements, before its commit: adds each tag's difference to its kept count.</summary>
    public static async Task ApplyAsync(CadenceDb db, CancellationToken cancellationToken)
    {
        if (!Saves.TryGetValue(db, out var pending)) return;
        Forget(db);
        var posts = PostIds(pending.Entries, afterSave: true);
        if (pending.Before is null || posts.Count > CountAllAbove)
        {
            await CountAllAsync(db, cancellationToken);
            return;
        }
        var after = await CountAsync(db, posts, cancellationToken);
        foreach (var tag in after.Keys.Union(pending.Before.Keys))
        {
            var change = after.GetValueOrDefault(tag) - pending.Before.GetValueOrDefault(tag);
            if (change != 0)
                await db.Tags.Where(t => t.Id == tag)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LivePostCount, t => t.LivePostCount + change), cancellationToken);
        }
    }

    public static void Forget(DbContext db) => Saves.Remove(db);

    /// <summary>Counts every tag again, from every live post's links (one pass).</summary>
    public static async Task CountAllAsync(CadenceDb db, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(db, posts: null, cancellationToken);
        var counted = counts.Keys.ToList();
        await db.Tags.Where(t => t.LivePostCount != 0 && !counted.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LivePostCount, 0), cancellationToken);
        foreach (var (tag, count) in counts)
            await db.Tags.Where(t => t.Id == tag && t.LivePostCount != count)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LivePostCount, count), cancellationToken);
    }

    /// <summary>Live tag links per tag, of the given posts (or of all), as the database holds them now.</summary>
    private static async Task<Dictionary<int, int>> CountAsync(CadenceDb db, List<int>? posts, CancellationToken cancellationToken)
    {
        var live = db.Posts.AsNoTracking().Where(p => p.Kind == PostKind.Post).WhereLive();
        if (posts is not null) live = live.Where(p => posts.Contains(p.Id));
        var counts = await live.SelectMany(p => p.Tags, (_, t) => t.Id).GroupBy(id => id)
            .Select(g => new { Tag = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Tag, c => c.Count);
    }

    /// <summary>The entries of this save that can move a count: posts added or deleted, posts whose liveness may
    /// change, and tag links added or removed.</summary>
    private static List<EntityEntry> Moving(ChangeTracker tracker)
    {
        // The recorder has just detected changes; detecting them again would walk a big import a second time.
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries().Where(entry => entry.State switch
            {
                EntityState.Added or EntityState.Deleted => entry.Entity is Post || IsTagLink(entry),
                EntityState.Modified => entry.Entity is Post && (entry.Property(nameof(Post.Status)).IsModified
                    || entry.Property(nameof(Post.DeletedAt)).IsModified || entry.Property(nameof(Post.Kind)).IsModified),
                _ => false,
            }).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The ids of the posts the entries touch: before the save only those already stored (a new post's id is
    /// a temporary one until then); after it, every one (a deleted entry keeps the id it had).</summary>
    private static List<int> PostIds(List<EntityEntry> entries, bool afterSave)
    {
        var ids = new HashSet<int>();
        foreach (var entry in entries)
        {
            if (entry.Entity is Post post)
            {
                if (afterSave || entry.State != EntityState.Added) ids.Add(post.Id);
            }
            else if (entry.Entity is Dictionary<string, object> link && link.TryGetValue("PostsId", out var id) && id is int postId
                && (afterSave || !entry.Property("PostsId").IsTemporary))
                ids.Add(postId);
        }
        return ids.Where(id => id > 0).ToList();
    }

    private static bool IsTagLink(EntityEntry entry) => entry.Metadata.Name == "PostTags";
}
