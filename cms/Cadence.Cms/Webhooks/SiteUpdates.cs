using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Webhooks;

public enum SiteUpdateState
{
    /// <summary>No endpoint listens for post events: nothing tells the site, so nothing can confirm.</summary>
    NoWebhook,
    /// <summary>No delivery has carried the post since it last changed (published before the endpoint existed, or quietly).</summary>
    Unknown,
    /// <summary>Queued or waiting for its first answer.</summary>
    Updating,
    /// <summary>Every endpoint that was sent the post answered 2xx.</summary>
    Live,
    /// <summary>An endpoint answered with an error or not at all (it may still be retrying).</summary>
    NotConfirmed,
}

/// <param name="At">When <see cref="SiteUpdateState.Live"/>: the UTC time the last endpoint confirmed.</param>
public sealed record SiteUpdate(SiteUpdateState State, DateTime? At = null);

/// <summary>
/// Whether the site has taken a post's latest change, read from the delivery log: the newest delivery to each
/// endpoint that carried the post's slug since the change, and any event for it still in the outbox.
/// </summary>
public sealed class SiteUpdates(CadenceDb db, WebhookTargets targets)
{
    /// <summary>How far back the log is read; a post's delivery is among the newest unless hundreds of saves followed it.</summary>
    private const int Window = 200;

    public async Task<SiteUpdate> ForPostAsync(string slug, DateTime changedAtUtc, CancellationToken cancellationToken = default)
    {
        var endpoints = (await targets.AllAsync(cancellationToken))
            .Where(t => t.Wants(WebhookEventNames.PostPublished) || t.Wants(WebhookEventNames.PostEdited)
                || t.Wants(WebhookEventNames.PagePublished) || t.Wants(WebhookEventNames.PageEdited)).Select(t => t.Key).ToList();
        if (endpoints.Count == 0) return new SiteUpdate(SiteUpdateState.NoWebhook);
        if (await db.WebhookEvents.AnyAsync(e => e.Slug == slug, cancellationToken)) return new SiteUpdate(SiteUpdateState.Updating);

        var recent = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending || d.LastAttemptAt >= changedAtUtc)
            .OrderByDescending(d => d.Id).Take(Window).ToListAsync(cancellationToken);
        var newest = endpoints
            .Select(key => recent.FirstOrDefault(d => d.EndpointKey == key && d.Slugs.Contains(slug)))
            .OfType<WebhookDelivery>().ToList();

        if (newest.Count == 0) return new SiteUpdate(SiteUpdateState.Unknown);
        if (newest.Any(d => d.Status == DeliveryStatus.Failed || (d.Status == DeliveryStatus.Pending && d.Attempts > 0)))
            return new SiteUpdate(SiteUpdateState.NotConfirmed);
        if (newest.Any(d => d.Status == DeliveryStatus.Pending)) return new SiteUpdate(SiteUpdateState.Updating);
        return new SiteUpdate(SiteUpdateState.Live, newest.Max(d => d.LastAttemptAt));
    }
}
