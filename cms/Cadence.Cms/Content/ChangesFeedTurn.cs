using System.Runtime.CompilerServices;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadence.Cms.Content;

/// <summary>
/// Makes changes-feed writers take turns, so feed ids are committed in the order they are handed out. The feed's
/// cursor is the row id; on a server database two transactions draw ids when they insert, not when they commit, so
/// without turns a reader could see id 8 committed, move its cursor past it, and never see id 7 committed a moment
/// later. A save that writes feed rows first locks the feed's first row with a no-op update, inside its transaction:
/// the next writer's lock waits for that commit, and only then draws its ids. SQLite lets one writer in at a time
/// anyway; there the turn costs one small update. The start-up import writes the first rows before an instance serves.
/// </summary>
internal static class ChangesFeedTurn
{
    // The transaction a save opened only to take its turn in, committed or rolled back when the save ends.
    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> Opened = [];

    public static bool Writes(CadenceDb db) =>
        db.ChangeTracker.Entries<ContentChange>().Any(e => e.State == EntityState.Added);

    public static void Take(CadenceDb db)
    {
        End(db, commit: false); // the turn of an earlier save the concurrency token refused, if still open
        if (db.Database.CurrentTransaction is null) Opened.AddOrUpdate(db, db.Database.BeginTransaction());
        try
        {
            Lock(db).ExecuteUpdate(s => s.SetProperty(c => c.At, c => c.At));
        }
        catch
        {
            End(db, commit: false);
            throw;
        }
    }

    public static async Task TakeAsync(CadenceDb db, CancellationToken cancellationToken)
    {
        await EndAsync(db, commit: false, CancellationToken.None); // as in Take
        if (db.Database.CurrentTransaction is null) Opened.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
        try
        {
            await Lock(db).ExecuteUpdateAsync(s => s.SetProperty(c => c.At, c => c.At), cancellationToken);
        }
        catch
        {
            await EndAsync(db, commit: false, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Ends the transaction <see cref="Take"/> opened, if it opened one: committed after a save, rolled back after a failure.</summary>
    public static async Task EndAsync(DbContext? db, bool commit, CancellationToken cancellationToken = default)
    {
        if (Owned(db) is not { } transaction) return;
        await using (transaction)
        {
            if (commit) await transaction.CommitAsync(cancellationToken);
            else await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    public static void End(DbContext? db, bool commit)
    {
        if (Owned(db) is not { } transaction) return;
        using (transaction)
        {
            if (commit) transaction.Commit();
            else transaction.Rollback();
        }
    }

    /// <summary>Takes back the transaction opened for this context's save, if it is still the context's own.</summary>
    private static IDbContextTransaction? Owned(DbContext? db)
    {
        if (db is null || !Opened.TryGetValue(db, out var transaction)) return null;
        Opened.Remove(db);
        return db.Database.CurrentTransaction == transaction ? transaction : null;
    }

    private static IQueryable<ContentChange> Lock(CadenceDb db) =>
        db.ContentChanges.Where(c => c.Id == db.ContentChanges.Min(first => first.Id));
}
