using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Derives webhook events from what a save changes and writes them to the outbox in the same transaction,
/// so every path that changes content (manager, API, scheduler, command line) raises the same events.
/// </summary>
public sealed class WebhookEventRecorder(TimeProvider clock, WebhookSignal signal) : SaveChangesInterceptor
{
    private static readonly AsyncLocal<bool> Quiet = new();

    /// <summary>Raises no events inside the scope: a first-start import seeds a site that has never been built.</summary>
    public static IDisposable Suppress()
    {
        Quiet.Value = true;
        return new Restore();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Pulse();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Pulse();
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not CadenceDb db || Quiet.Value) return;
        var events = new HashSet<(string Name, string? Slug)>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Post post:
                    foreach (var e in PostEvents(entry, post)) events.Add(e);
                    break;
                case SiteSettings:
                    events.Add((WebhookEventNames.SettingsChanged, null));
                    break;
                case FormDefinition:
                    events.Add((WebhookEventNames.FormChanged, null));
                    break;
                case Tag:
                    events.Add((WebhookEventNames.TagChanged, null));
                    break;
                case Category:
                    events.Add((WebhookEventNames.CategoryChanged, null));
                    break;
                case Author:
                    events.Add((WebhookEventNames.AuthorChanged, null));
                    break;
                case Dictionary<string, object> join when entry.Metadata.Name == "PostTags":
                    events.Add(TagLinkEvent(db, entry));
                    break;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, slug) in events) db.WebhookEvents.Add(new WebhookEvent { Name = name, Slug = slug, At = now });
    }

    /// <summary>Only changes a reader can see raise events: a draft's edits do not.</summary>
    private static IEnumerable<(string, string?)> PostEvents(EntityEntry entry, Post post)
    {
        var liveNow = entry.State != EntityState.Deleted && post.IsLive;
        var wasLive = entry.State switch
        {
            EntityState.Added => false,
            _ => entry.Property(nameof(Post.Status)).OriginalValue is PostStatus.Published
                 && entry.Property(nameof(Post.DeletedAt)).OriginalValue is null,
        };
        var oldSlug = entry.State == EntityState.Modified ? entry.Property(nameof(Post.Slug)).OriginalValue as string : null;

        if (liveNow && !wasLive) yield return (WebhookEventNames.PostPublished, post.Slug);
        else if (liveNow && wasLive)
        {
            yield return (WebhookEventNames.PostEdited, post.Slug);
            // A renamed post leaves its old page behind; receivers need the old slug to remove it.
            if (oldSlug is not null && oldSlug != post.Slug) yield return (WebhookEventNames.PostEdited, oldSlug);
        }
        else if (wasLive)
        {
            var deleted = entry.State == EntityState.Deleted || post.DeletedAt is not null;
            yield return (deleted ? WebhookEventNames.PostDeleted : WebhookEventNames.PostUnpublished, oldSlug ?? post.Slug);
        }
    }

    /// <summary>Tagging a live post edits it; otherwise it only changes tag pages.</summary>
    private static (string, string?) TagLinkEvent(CadenceDb db, EntityEntry join)
    {
        var postId = join.Property("PostsId").CurrentValue as int?;
        var post = db.ChangeTracker.Entries<Post>().FirstOrDefault(p => p.Entity.Id == postId)?.Entity;
        return post is { IsLive: true } ? (WebhookEventNames.PostEdited, post.Slug) : (WebhookEventNames.TagChanged, null);
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Quiet.Value = false;
    }
}
