using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Turns outbox events into deliveries, one per endpoint, coalescing bursts: the first event after a quiet spell is
/// due at once; events within <see cref="WebhookOptions.Debounce"/> of the endpoint's last delivery join one delivery
/// due at the end of the window. Events are deleted in the same transaction, so each is queued exactly once.
/// </summary>
public sealed class DeliveryQueue(CadenceDb db, WebhookTargets targets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    private const int Batch = 500;

    /// <returns>How many events were taken from the outbox.</returns>
    public async Task<int> QueueEventsAsync(CancellationToken cancellationToken = default)
    {
        var events = await db.WebhookEvents.OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
        if (events.Count == 0) return 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var target in await targets.AllAsync(cancellationToken))
        {
            var wanted = events.Where(e => target.Wants(e.Name)).ToList();
            if (wanted.Count == 0) continue;
            var delivery = await OpenDeliveryAsync(target, now, cancellationToken);
            delivery.Events = delivery.Events.Union(wanted.Select(e => e.Name)).Order(StringComparer.Ordinal).ToList();
            delivery.Slugs = delivery.Slugs.Union(wanted.Select(e => e.Slug).OfType<string>()).Order(StringComparer.Ordinal).ToList();
        }
        db.WebhookEvents.RemoveRange(events);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>A delivery not yet attempted takes more events; otherwise a new one starts, held back by the debounce window.</summary>
    private async Task<WebhookDelivery> OpenDeliveryAsync(WebhookTarget target, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.WebhookDeliveries
            .Where(d => d.EndpointKey == target.Key && d.Status == DeliveryStatus.Pending && d.Attempts == 0)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is not null) return open;

        // The window runs from the last time something went out, so a steady stream of saves sends once per window.
        var lastSent = await db.WebhookDeliveries.Where(d => d.EndpointKey == target.Key)
            .OrderByDescending(d => d.Id).Select(d => d.LastAttemptAt ?? d.DueAt).FirstOrDefaultAsync(cancellationToken);
        DateTime? windowEnd = lastSent == default ? null : lastSent + options.Value.Debounce;
        var delivery = NewDelivery(target.Key, Describe(target), now, windowEnd > now ? windowEnd.Value : now);
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }

    /// <summary>Sends the same events and slugs again as a new delivery, due now.</summary>
    public async Task<bool> RedeliverAsync(long id, CancellationToken cancellationToken = default)
    {
        var original = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (original is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var copy = NewDelivery(original.EndpointKey, original.Target, now, now);
        copy.Events = original.Events;
        copy.Slugs = original.Slugs;
        db.WebhookDeliveries.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        await db.WebhookDeliveries.AsNoTracking().OrderByDescending(d => d.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>One page of the delivery log, newest first, and how many deliveries there are.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> PageAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var total = await db.WebhookDeliveries.CountAsync(cancellationToken);
        var items = await db.WebhookDeliveries.AsNoTracking().OrderByDescending(d => d.Id)
            .Page(new Paging(Math.Max(1, page), size, total)).ToListAsync(cancellationToken);
        return (items, total);
    }

    private static WebhookDelivery NewDelivery(string key, string target, DateTime now, DateTime due) => new()
    {
        DeliveryId = Guid.NewGuid().ToString("D"), EndpointKey = key, Target = target,
        Status = DeliveryStatus.Pending, CreatedAt = now, DueAt = due,
    };

    private static string Describe(WebhookTarget target) => target.Kind == WebhookKind.GitHub ? $"GitHub {target.Url}" : target.Url;
}
