namespace Cadence.Cms.Webhooks;

/// <summary>
/// The outbox: one row per event, written in the same transaction as the change that raised it, so a crash
/// never loses one. The dispatcher turns rows into deliveries per endpoint and deletes them in one transaction.
/// </summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The post's slug for post events; null for site-wide events.</summary>
    public string? Slug { get; set; }
    public DateTime At { get; set; }
}
