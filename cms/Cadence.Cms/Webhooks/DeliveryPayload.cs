using System.Text.Json.Serialization;

namespace Cadence.Cms.Webhooks;

/// <summary>The JSON body of a delivery. <c>event</c> is the one event, or <c>content.changed</c> when several were coalesced; <c>events</c> lists them all.</summary>
public sealed record DeliveryPayload(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events,
    [property: JsonPropertyName("deliveryId")] string DeliveryId,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("slugs")] IReadOnlyList<string> Slugs)
{
    public static DeliveryPayload For(WebhookDelivery delivery, DateTimeOffset time) => new(
        delivery.Events.Count == 1 ? delivery.Events[0] : WebhookEventNames.Several,
        delivery.Events, delivery.DeliveryId, time, delivery.Slugs);
}

/// <summary>GitHub's repository dispatch body; the workflow reads the delivery from <c>github.event.client_payload</c>.</summary>
public sealed record GitHubDispatch(
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("client_payload")] DeliveryPayload ClientPayload)
{
    public const string ContentChanged = "content-changed";
}

[JsonSerializable(typeof(DeliveryPayload))]
[JsonSerializable(typeof(GitHubDispatch))]
internal sealed partial class WebhookJson : JsonSerializerContext;
