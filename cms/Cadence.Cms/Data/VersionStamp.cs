using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Data;

/// <summary>A row edited in the manager by people who may not see each other's changes: its version is a concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// Moves every changed <see cref="IVersioned"/> row on by one version, whoever saves it (an editor, the scheduler, an
/// import), so an editor page opened before any of those saves is refused rather than writing over them. The token
/// makes the database refuse a save that raced past the check as well.
/// </summary>
public sealed class VersionStamp : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Property(v => v.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
