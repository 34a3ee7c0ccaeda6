using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Webhooks;

/// <summary>What one attempt at a delivery ended in, as it is written back.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, int Attempts, DateTime AttemptedAt, DateTime DueAt, int? ResponseCode, string? Error);

/// <summary>
/// One dispatcher's hold on one delivery while it sends it, so instances sharing the database never send the same
/// delivery side by side. The claim is a compare-and-set of the due time the dispatcher saw: the update moves it to the
/// end of a lease and only one instance's update can match. If the instance dies before it records the answer, the
/// delivery falls due again when the lease runs out and another instance sends it, with the same delivery id, which
/// is why receivers de-duplicate by <c>Cadence-Delivery</c>. Setting <see cref="WebhookDelivery.LastAttemptAt"/>
/// closes the delivery to new events (<see cref="DeliveryQueue"/>), so what is sent is what is recorded as sent.
/// </summary>
public sealed class DeliveryClaim
{
    private readonly DateTime _leaseEnd;
    private readonly DateTime _claimedAt;

    private DeliveryClaim(WebhookDelivery delivery, DateTime seenDueAt, DateTime leaseEnd, DateTime claimedAt)
    {
        Delivery = delivery;
        SeenDueAt = seenDueAt;
        _leaseEnd = leaseEnd;
        _claimedAt = claimedAt;
    }

    /// <summary>The delivery as read after the claim: no other instance changes it while the lease holds.</summary>
    public WebhookDelivery Delivery { get; }

    /// <summary>The due time before the claim: a finished delivery keeps it, so the log shows when it was meant to go.</summary>
    public DateTime SeenDueAt { get; }

    /// <returns>The claim, or null when another instance took the delivery first.</returns>
    public static async Task<DeliveryClaim?> TakeAsync(CadenceDb db, long id, DateTime seenDueAt, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var leaseEnd = now + lease;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.DueAt == seenDueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, leaseEnd).SetProperty(d => d.LastAttemptAt, now), cancellationToken);
        if (claimed != 1) return null;
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        return new DeliveryClaim(delivery, seenDueAt, leaseEnd, now);
    }

    /// <returns>False when the lease ran out and another instance holds the delivery now; its answer is the one kept.</returns>
    public async Task<bool> RecordAsync(CadenceDb db, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var id = Delivery.Id;
        var (leaseEnd, claimedAt) = (_leaseEnd, _claimedAt);
        // Both values this claim wrote: a finished delivery keeps an earlier due time, which may be another claim's lease end.
        var recorded = await db.WebhookDeliveries.Where(d => d.Id == id && d.DueAt == leaseEnd && d.LastAttemptAt == claimedAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, outcome.Status)
                .SetProperty(d => d.Attempts, outcome.Attempts)
                .SetProperty(d => d.LastAttemptAt, outcome.AttemptedAt)
                .SetProperty(d => d.DueAt, outcome.DueAt)
                .SetProperty(d => d.ResponseCode, outcome.ResponseCode)
                .SetProperty(d => d.Error, outcome.Error), cancellationToken);
        return recorded == 1;
    }
}
