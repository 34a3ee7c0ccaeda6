using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Moves events from the outbox into deliveries and sends the deliveries that are due, retrying failures with
/// exponential backoff. It wakes on every save and otherwise at the next due time or poll, whichever is sooner.
/// One dispatcher per database: several CMS instances would each send (at least once is the promise, not exactly once).
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
        var targets = services.GetRequiredService<WebhookTargets>();
        var sender = services.GetRequiredService<WebhookSender>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(SendBatch).ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            var target = await targets.FindAsync(delivery.EndpointKey, cancellationToken);
            var outcome = target is null
                ? new SendOutcome(false, null, "The endpoint no longer exists or is disabled.")
                : await sender.SendAsync(delivery, target, cancellationToken);
            Record(delivery, outcome, giveUp: target is null);
            await db.SaveChangesAsync(cancellationToken);
            if (outcome.Delivered) Log.LogInformation("Webhook {Delivery} delivered to {Target}", delivery.DeliveryId, delivery.Target);
            else Log.LogWarning("Webhook {Delivery} to {Target} failed (attempt {Attempt}): {Error}", delivery.DeliveryId, delivery.Target, delivery.Attempts, outcome.Error);
        }

        // A full batch means more may be due already.
        if (due.Count == SendBatch) return now;
        return await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending)
            .MinAsync(d => (DateTime?)d.DueAt, cancellationToken);
    }

    private void Record(WebhookDelivery delivery, SendOutcome outcome, bool giveUp)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.ResponseCode = outcome.StatusCode;
        delivery.Error = outcome.Error;
        if (outcome.Delivered) delivery.Status = DeliveryStatus.Delivered;
        else if (giveUp || delivery.Attempts >= options.Value.MaxAttempts) delivery.Status = DeliveryStatus.Failed;
        else delivery.DueAt = now + RetryDelay(delivery.Attempts);
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
