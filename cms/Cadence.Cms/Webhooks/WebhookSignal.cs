using Cadence.Cms.Hosting;

namespace Cadence.Cms.Webhooks;

/// <summary>Wakes the dispatcher when a save or commit may have queued events, so a publish goes out at once rather than at the next poll.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>Pulses after a commit too: events saved inside an explicit transaction become visible only then.</summary>
public sealed class CommitSignal(WebhookSignal signal) : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        signal.Pulse();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Pulse();
        return Task.CompletedTask;
    }
}
