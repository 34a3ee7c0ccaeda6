using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Turns outbox events into deliveries, one per endpoint, coalescing bursts: the first event after a quiet spell is
/// due at once; events within <see cref="WebhookOptions.Debounce"/> of the endpoint's last delivery join one delivery
/// due at the end of the window. Each event goes into exactly one delivery per endpoint, however many instances
/// queue at once: deleting the events is the claim (the transaction that deleted them all is the one that queues
/// them), and an open delivery takes more events only by a compare-and-set of what it carried, so two instances
/// never overwrite each other's additions nor add to a delivery already being sent.
/// </summary>
public sealed class DeliveryQueue(CadenceDb db, WebhookTargets targets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    private const int Batch = 500;

    /// <returns>How many events were taken from the outbox, here or by another instance (either way: look again).</returns>
    public async Task<int> QueueEventsAsync(CancellationToken cancellationToken = default)
    {
        var events = await db.WebhookEvents.AsNoTracking().OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
        if (events.Count == 0) return 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        // Another instance deleted some first: it queues those, and this one rolls back and reads what is left.
        if (await db.WebhookEvents.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken) != events.Count) return events.Count;

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var target in await targets.AllAsync(cancellationToken))
        {
            var wanted = events.Where(e => target.Wants(e.Name)).ToList();
            if (wanted.Count == 0) continue;
            if (await JoinOpenDeliveryAsync(target, wanted, cancellationToken)) continue;
            var delivery = await NewDeliveryAsync(target, now, cancellationToken);
            delivery.Events = wanted.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            delivery.Slugs = wanted.Select(e => e.Slug).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>
    /// Adds the events to the endpoint's delivery not yet attempted, if there is one and nothing changed it since it
    /// was read; otherwise (none, claimed for sending, or grown by another instance) the caller starts a new one.
    /// </summary>
    private async Task<bool> JoinOpenDeliveryAsync(WebhookTarget target, List<WebhookEvent> wanted, CancellationToken cancellationToken)
    {
        var open = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EndpointKey == target.Key && d.Status == DeliveryStatus.Pending && d.Attempts == 0 && d.LastAttemptAt == null)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is null) return false;
        var events = open.Events.Union(wanted.Select(e => e.Name)).Order(StringComparer.Ordinal).ToList();
        var slugs = open.Slugs.Union(wanted.Select(e => e.Slug).OfType<string>()).Order(StringComparer.Ordinal).ToList();
        var (seenEvents, seenSlugs, id) = (open.Events, open.Slugs, open.Id);
        return await db.WebhookDeliveries
            .Where(d => d.Id == id && d.LastAttemptAt == null && d.Events == seenEvents && d.Slugs == seenSlugs)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Events, events).SetProperty(d => d.Slugs, slugs), cancellationToken) == 1;
    }

    /// <summary>A new delivery, held back by the debounce window.</summary>
    private async Task<WebhookDelivery> NewDeliveryAsync(WebhookTarget target, DateTime now, CancellationToken cancellationToken)
    {
        // The window runs from the last time something went out, so a steady stream of saves sends once per window.
        var last = await db.WebhookDeliveries.Where(d => d.EndpointKey == target.Key)
            .OrderByDescending(d => d.Id).Select(d => new { d.LastAttemptAt, d.DueAt }).FirstOrDefaultAsync(cancellationToken);
        DateTime? windowEnd = last is null ? null : (last.LastAttemptAt ?? last.DueAt) + options.Value.Debounce;
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
