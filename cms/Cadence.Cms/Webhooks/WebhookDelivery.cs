namespace Cadence.Cms.Webhooks;

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One POST to one endpoint, carrying every event and slug coalesced into it. It stays <see cref="DeliveryStatus.Pending"/>
/// while it waits for its due time or a retry; the manager shows these rows as the delivery log.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary>The <c>deliveryId</c> a receiver sees; stays the same across retries of this delivery.</summary>
    public required string DeliveryId { get; set; }

    /// <summary><c>db:{id}</c> for manager endpoints, <c>config:{index}</c> for configured ones.</summary>
    public required string EndpointKey { get; set; }

    /// <summary>Where it was going when made, for the log (the endpoint may change or go later).</summary>
    public required string Target { get; set; }
    public List<string> Events { get; set; } = [];
    public List<string> Slugs { get; set; } = [];
    public DeliveryStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the next attempt may start: the end of a debounce window, or a retry's backoff.</summary>
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? ResponseCode { get; set; }
    public string? Error { get; set; }
}
