using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Content;

/// <summary>
/// Writes the changes feed in the same transaction as the change itself, so no save can forget it:
/// a post's slug (old and new on a rename), or a site-wide row for settings, forms and taxonomy.
/// </summary>
public sealed class ContentChangeRecorder(TimeProvider clock) : SaveChangesInterceptor
{
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

    private void Record(DbContext? context)
    {
        if (context is not CadenceDb db) return;
        var slugs = new SortedSet<string>(StringComparer.Ordinal);
        var siteWide = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Post post:
                    slugs.Add(post.Slug);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(Post.Slug)).OriginalValue is string old)
                        slugs.Add(old);
                    break;
                case Tag or Category or Author or FormDefinition or SiteSettings or SlugRedirect:
                    siteWide = true;
                    break;
                case Dictionary<string, object> join when entry.Metadata.Name == "PostTags":
                    siteWide = true; // tag counts and tag pages change
                    break;
            }
        }

        if (slugs.Count == 0 && !siteWide) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var slug in slugs) db.ContentChanges.Add(new ContentChange { Slug = slug, At = now });
        if (siteWide) db.ContentChanges.Add(new ContentChange { Slug = null, At = now });
    }
}
