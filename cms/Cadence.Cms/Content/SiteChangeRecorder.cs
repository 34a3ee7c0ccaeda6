using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Content;

/// <summary>
/// The one save interceptor that knows what a save means for the site: it detects the <see cref="SiteChanges"/> once
/// and hands them to each writer (the changes feed, the webhook outbox) before the save, so their rows go into the
/// same transaction as the change and every path that changes content (manager, API, scheduler, command line) is covered.
/// </summary>
public sealed class SiteChangeRecorder(IEnumerable<ISiteChangeWriter> writers, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ISiteChangeWriter[] _writers = writers.ToArray();

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
        var changes = SiteChangeDetector.Detect(db.ChangeTracker);
        if (changes.IsEmpty) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var writer in _writers) writer.Write(db, changes, now);
    }
}
