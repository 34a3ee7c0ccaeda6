using Cadence.Cms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Webhooks;

/// <summary>Publishing reaches a real receiver on loopback as a signed POST, and survives the receiver being down.</summary>
public class SignedDeliveryTests
{
    [Test]
    public async Task Publishing_sends_a_signed_webhook_with_the_slug()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        await using var cms = await CmsServer.StartAsync(WebhookCms.Settings(receiver.Url, debounce: "00:00:10"));
        var slug = await cms.AddDraft("Ankle sprains and running");

        await cms.Publish(slug);

        var webhook = await receiver.NextAsync();
        Assert.Multiple(() =>
        {
            Assert.That(webhook.SignatureValid, Is.True, webhook.Headers.GetValueOrDefault("Cadence-Signature"));
            Assert.That(webhook.Path, Is.EqualTo("/hook"));
            Assert.That(webhook.Json.GetProperty("event").GetString(), Is.EqualTo("post.published"));
            Assert.That(webhook.Slugs, Is.EqualTo(new[] { slug }));
            Assert.That(webhook.Headers["Cadence-Event"], Is.EqualTo("post.published"));
            Assert.That(webhook.Headers["Cadence-Delivery"], Is.EqualTo(webhook.Json.GetProperty("deliveryId").GetString()));
            Assert.That(webhook.Json.GetProperty("time").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
        Assert.That(receiver.All, Has.Count.EqualTo(1), "the starter-content import sends nothing");
        var logged = await cms.DeliveriesWhen(d => d.Count == 1 && d[0].Status == DeliveryStatus.Delivered);
        Assert.That(logged[0].ResponseCode, Is.EqualTo(204));
    }

    [Test]
    public async Task A_delivery_to_a_receiver_that_is_down_is_retried_until_it_arrives()
    {
        var port = CmsProcess.FreePort();
        await using var cms = await CmsServer.StartAsync(WebhookCms.Settings($"http://127.0.0.1:{port}/hook"));
        var slug = await cms.AddDraft("Blisters on long runs");

        await cms.Publish(slug);
        var failing = await cms.DeliveriesWhen(d => d.Count == 1 && d[0].Attempts >= 2);
        Assert.That(failing[0].Status, Is.EqualTo(DeliveryStatus.Pending), "still waiting to retry");
        Assert.That(failing[0].Error, Is.Not.Null.And.Not.Empty);

        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret, port);
        var webhook = await receiver.NextWithSlugAsync(slug);
        Assert.That(webhook.SignatureValid, Is.True);
        Assert.That(webhook.Json.GetProperty("deliveryId").GetString(), Is.EqualTo(failing[0].DeliveryId), "a retry is the same delivery");

        var delivered = await cms.DeliveriesWhen(d => d.All(x => x.Status == DeliveryStatus.Delivered));
        Assert.That(delivered, Has.Count.EqualTo(1));
        Assert.That(delivered[0].Attempts, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task A_receiver_that_refuses_the_request_is_logged_with_its_status_and_can_be_redelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync("a-different-secret-than-the-cms-uses");
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>(WebhookCms.Settings(receiver.Url))
        {
            ["Cadence:Webhooks:MaxAttempts"] = "2",
        });
        var slug = await cms.AddDraft("Cramp");
        await cms.Publish(slug);

        var failed = await cms.DeliveriesWhen(d => d.Count == 1 && d[0].Status == DeliveryStatus.Failed);
        Assert.That(failed[0].ResponseCode, Is.EqualTo(401));
        Assert.That(failed[0].Attempts, Is.EqualTo(2));
        Assert.That(receiver.All.All(w => !w.SignatureValid), Is.True);

        await using (var scope = cms.Services.CreateAsyncScope())
            Assert.That(await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().RedeliverAsync(failed[0].Id), Is.True);
        var again = await cms.DeliveriesWhen(d => d.Count == 2 && d[1].Status == DeliveryStatus.Failed);
        Assert.That(again[1].Slugs, Is.EqualTo(new[] { slug }));
        Assert.That(again[1].DeliveryId, Is.Not.EqualTo(again[0].DeliveryId));
    }
}
