using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Moves events from the outbox into deliveries and sends the deliveries that are due, retrying failures with
/// exponential backoff. It wakes on every save and otherwise at the next due time or poll, whichever is sooner.
/// Every CMS instance on the database runs one; each delivery is claimed before it is sent (<see cref="DeliveryClaim"/>),
/// so an endpoint gets one POST per delivery, and a second one (same <c>Cadence-Delivery</c> id) only when the instance
/// that claimed it died before recording the answer.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSignal signal, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> log)
    : BackgroundLoop(clock, log)
{
    private const int SendBatch = 20;

    protected override TimeSpan Interval => options.Value.PollInterval;
    protected override string FailureMessage => "Webhook dispatch failed; trying again shortly";
    protected override WakeSignal Wake => signal;

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) is { } due ? due - Clock.GetUtcNow().UtcDateTime : null;

    /// <summary>Queues new events and sends due deliveries. Returns when the next pending delivery falls due, if any.</summary>
    public async Task<DateTime?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var queue = services.GetRequiredService<DeliveryQueue>();
        while (await queue.QueueEventsAsync(cancellationToken) > 0)
        {
        }

        var db = services.GetRequiredService<CadenceDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(SendBatch).Select(d => new { d.Id, d.DueAt }).ToListAsync(cancellationToken);
        foreach (var seen in due)
        {
            var claim = await DeliveryClaim.TakeAsync(db, seen.Id, seen.DueAt, Clock.GetUtcNow().UtcDateTime, options.Value.ClaimLease, cancellationToken);
            if (claim is null) continue;
            await SendAsync(services, claim, cancellationToken);
        }

        // A full batch means more may be due already.
        if (due.Count == SendBatch) return now;
        return await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending)
            .MinAsync(d => (DateTime?)d.DueAt, cancellationToken);
    }

    private async Task SendAsync(IServiceProvider services, DeliveryClaim claim, CancellationToken cancellationToken)
    {
        var delivery = claim.Delivery;
        var target = await services.GetRequiredService<WebhookTargets>().FindAsync(delivery.EndpointKey, cancellationToken);
        var outcome = target is null
            ? new SendOutcome(false, null, "The endpoint no longer exists or is disabled.")
            : await services.GetRequiredService<WebhookSender>().SendAsync(delivery, target, cancellationToken);

        var now = Clock.GetUtcNow().UtcDateTime;
        var attempts = delivery.Attempts + 1;
        var status = outcome.Delivered ? DeliveryStatus.Delivered
            : target is null || attempts >= options.Value.MaxAttempts ? DeliveryStatus.Failed
            : DeliveryStatus.Pending;
        var dueAt = status == DeliveryStatus.Pending ? now + RetryDelay(attempts) : claim.SeenDueAt;
        var recorded = await claim.RecordAsync(services.GetRequiredService<CadenceDb>(),
            new DeliveryOutcome(status, attempts, now, dueAt, outcome.StatusCode, outcome.Error), cancellationToken);

        if (!recorded) Log.LogWarning("Webhook {Delivery} to {Target} outlived its claim; the instance that took it over records it", delivery.DeliveryId, delivery.Target);
        else if (outcome.Delivered) Log.LogInformation("Webhook {Delivery} delivered to {Target}", delivery.DeliveryId, delivery.Target);
        else Log.LogWarning("Webhook {Delivery} to {Target} failed (attempt {Attempt}): {Error}", delivery.DeliveryId, delivery.Target, attempts, outcome.Error);
    }

    /// <summary>Base, 2×base, 4×base… capped, so a receiver that is down for a while is not hammered.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.RetryBaseDelay.Ticks * factor, o.MaxRetryDelay.Ticks));
        return delay < o.RetryBaseDelay ? o.RetryBaseDelay : delay;
    }
}
