using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Content;

/// <summary>
/// The one save interceptor that knows what a save means for the site: it detects the <see cref="SiteChanges"/> once
/// and hands them to each writer (the changes feed, the webhook outbox) before the save, so their rows go into the
/// same transaction as the change and every path that changes content (manager, API, scheduler, command line) is covered.
/// A save that writes changes-feed rows takes its turn first (<see cref="ChangesFeedTurn"/>), and keeps the tags' live
/// post counts within it (<see cref="TagPostCounts"/>).
/// </summary>
public sealed class SiteChangeRecorder(IEnumerable<ISiteChangeWriter> writers, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ISiteChangeWriter[] _writers = writers.ToArray();

    // A save that moves tag counts writes feed rows (its post or the tags area changes), so it always has its turn
    // when the counts are kept. A synchronous save waits for the same queries: ASP.NET Core has no synchronisation
    // context for the wait to block.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Record(eventData.Context) is { } db)
        {
            ChangesFeedTurn.Take(db);
            TagPostCounts.NoteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Record(eventData.Context) is { } db)
        {
            await ChangesFeedTurn.TakeAsync(db, cancellationToken);
            await TagPostCounts.NoteAsync(db, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is CadenceDb db) TagPostCounts.ApplyAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        ChangesFeedTurn.End(eventData.Context, commit: true);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CadenceDb db) await TagPostCounts.ApplyAsync(db, cancellationToken);
        await ChangesFeedTurn.EndAsync(eventData.Context, commit: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) TagPostCounts.Forget(db);
        ChangesFeedTurn.End(eventData.Context, commit: false);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) TagPostCounts.Forget(db);
        return ChangesFeedTurn.EndAsync(eventData.Context, commit: false, cancellationToken);
    }

    // A refused concurrency token ends the save without SaveChangesFailed, and while the batch's reader is still open,
    // when PostgreSQL cannot roll back yet. The turn's transaction is rolled back by the context's next save (Take)
    // or when the context is disposed or returned to the pool, whichever comes first: nothing of the save commits.

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is { } db) TagPostCounts.Forget(db);
        ChangesFeedTurn.End(eventData.Context, commit: false);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) TagPostCounts.Forget(db);
        return ChangesFeedTurn.EndAsync(eventData.Context, commit: false, CancellationToken.None);
    }

    /// <returns>The context when this save writes changes-feed rows.</returns>
    private CadenceDb? Record(DbContext? context)
    {
        if (context is not CadenceDb db) return null;
        TagPostCounts.Forget(db); // what a save refused by a concurrency token left behind
        var changes = SiteChangeDetector.Detect(db.ChangeTracker);
        if (changes.IsEmpty) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var writer in _writers) writer.Write(db, changes, now);
        return ChangesFeedTurn.Writes(db) ? db : null;
    }
}
