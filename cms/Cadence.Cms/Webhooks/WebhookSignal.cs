using System.Data.Common;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Webhooks;

/// <summary>Wakes the dispatcher when a save or commit may have queued events, so a publish goes out at once rather than at the next poll.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>
/// Pulses after every save, and after a commit too: events saved inside an explicit transaction become visible only then.
/// </summary>
public sealed class CommitSignal(WebhookSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Pulse();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Pulse();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.Pulse();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Pulse();
        return Task.CompletedTask;
    }
}
