using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>Keeps the newest <see cref="Kept"/> revisions of each post and brings old text back.</summary>
public sealed class PostRevisions(CadenceDb db, PostWorkflow workflow, TimeProvider clock)
{
    public const int Kept = 50;

    // Autosaves every few seconds would otherwise push real saves out of the kept 50.
    private static readonly TimeSpan AutosaveWindow = TimeSpan.FromMinutes(10);

    /// <summary>Records the post's current text in the same unit of work as the save; call before SaveChanges.</summary>
    public async Task KeepAsync(Post post, string savedBy, bool autosave = false, CancellationToken cancellationToken = default)
        => await KeepAsync(post, post.Title, post.Slug, post.Body, post.Excerpt, savedBy, autosave, cancellationToken);

    /// <summary>Records text that differs from the post's, such as an autosave of a live post that must not go live yet.</summary>
    public async Task KeepAsync(Post post, string title, string slug, string body, string? excerpt, string savedBy, bool autosave,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var newest = post.Id == 0 ? null : await db.PostRevisions.Where(r => r.PostId == post.Id)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null && newest.Title == title && newest.Slug == slug && newest.Body == body && newest.Excerpt == excerpt)
        {
            if (!autosave) newest.IsAutosave = false; // an explicit save of autosaved text makes it a real save point
            return;
        }

        if (autosave && newest is { IsAutosave: true } && newest.SavedBy == savedBy && now - newest.SavedAt < AutosaveWindow)
        {
            (newest.Title, newest.Slug, newest.Body, newest.Excerpt, newest.SavedAt) = (title, slug, body, excerpt, now);
            return;
        }

        db.PostRevisions.Add(new PostRevision
        {
            Post = post, Title = title, Slug = slug, Body = body, Excerpt = excerpt, SavedAt = now, SavedBy = savedBy, IsAutosave = autosave,
        });
        if (post.Id != 0)
        {
            var old = await db.PostRevisions.Where(r => r.PostId == post.Id).OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id)
                .Skip(Kept - 1).ToListAsync(cancellationToken);
            db.PostRevisions.RemoveRange(old);
        }
    }

    public Task<List<PostRevision>> ListAsync(int postId, CancellationToken cancellationToken = default) =>
        db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);

    public Task<PostRevision?> FindAsync(int postId, int revisionId, CancellationToken cancellationToken = default) =>
        db.PostRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.PostId == postId, cancellationToken);

    /// <summary>Puts the revision's words back into the post and keeps that as a new revision; the old ones stay.</summary>
    public async Task RestoreAsync(Post post, PostRevision revision, string savedBy, CancellationToken cancellationToken = default)
    {
        post.Title = revision.Title;
        post.Body = revision.Body;
        post.Excerpt = revision.Excerpt;
        if (revision.Slug != post.Slug)
        {
            // The old slug may now belong to another post; then the post keeps its current one.
            try { await workflow.RenameAsync(post, revision.Slug, cancellationToken); }
            catch (ContentRuleException) { }
        }
        post.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await KeepAsync(post, savedBy, autosave: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
