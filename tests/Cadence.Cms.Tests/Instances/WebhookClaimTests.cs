using Cadence.Cms.Hosting;
using Cadence.Cms.Tests.Webhooks;
using Cadence.Cms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cadence.Cms.Tests.Instances;

/// <summary>Two instances' webhook dispatchers on one database, racing over real HTTP to one real receiver.</summary>
public class WebhookClaimTests
{
    [Test]
    public async Task Two_racing_dispatchers_send_each_delivery_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        var settings = WebhookCms.Settings(receiver.Url);
        settings["Cadence:Webhooks:PollInterval"] = "00:00:00.050";
        await using var cms = await TwoInstances.StartAsync(settings);

        const int rounds = 20;
        for (var round = 0; round < rounds; round++)
        {
            var slug = await cms[round].AddDraft($"Race {round}");
            await cms[round + 1].Publish(slug);
            // Both instances' background loops run too; these two passes make the race certain.
            await Task.WhenAll(Task.Run(() => Dispatch(cms.A)), Task.Run(() => Dispatch(cms.B)));
            await receiver.NextWithSlugAsync(slug);
        }
        await Task.Delay(500); // room for a duplicate to arrive

        var deliveries = await cms.A.Read(db => db.WebhookDeliveries.AsNoTracking().ToListAsync());
        var ids = receiver.All.Select(w => w.Headers[WebhookSender.DeliveryHeader]).ToList();
        Assert.That(ids, Has.Count.EqualTo(rounds), "one POST per delivery");
        Assert.That(ids.Distinct().Count(), Is.EqualTo(rounds));
        Assert.That(deliveries, Has.Count.EqualTo(rounds));
        Assert.That(deliveries.All(d => d.Status == DeliveryStatus.Delivered && d.Attempts == 1), Is.True);
        Assert.That(receiver.All.Select(w => w.Json.GetProperty("deliveryId").GetString()), Is.EqualTo(ids), "the header names the body's delivery");
    }

    [Test]
    public async Task Two_racing_queues_put_each_event_into_one_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        // A long window, so most events join an open delivery: the merge is what races.
        await using var cms = await TwoInstances.StartAsync(WebhookCms.Settings(receiver.Url, debounce: "00:10:00"));

        var slugs = new List<string>();
        for (var round = 0; round < 15; round++)
        {
            var round1 = await cms[round].AddDraft($"Queued {round} a");
            var round2 = await cms[round + 1].AddDraft($"Queued {round} b");
            await Task.WhenAll(Task.Run(() => cms[round].Publish(round1)), Task.Run(() => cms[round + 1].Publish(round2)));
            await Task.WhenAll(Task.Run(() => Queue(cms.A)), Task.Run(() => Queue(cms.B)), Task.Run(() => Queue(cms.A)), Task.Run(() => Queue(cms.B)));
            slugs.AddRange([round1, round2]);
        }
        await InstanceWork.Until(async () => await cms.A.Read(db => db.WebhookEvents.CountAsync()) == 0, "the outbox is empty");

        var deliveries = await cms.B.Read(db => db.WebhookDeliveries.AsNoTracking().ToListAsync());
        foreach (var slug in slugs)
            Assert.That(deliveries.Count(d => d.Slugs.Contains(slug)), Is.EqualTo(1), $"{slug} is in exactly one delivery");
    }

    [Test]
    public async Task A_delivery_claimed_by_an_instance_that_died_is_sent_by_another_after_the_lease_with_the_same_id()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        var settings = WebhookCms.Settings(receiver.Url);
        settings["Cadence:Webhooks:PollInterval"] = "01:00:00";
        settings["Cadence:Webhooks:ClaimLease"] = "00:02:00";
        await using var cms = await TwoInstances.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));
        await cms.A.StopAsync(); // its loops end; its services stay, to play the instance that dies mid-send

        var slug = await cms.A.AddDraft("Claimed then lost");
        await cms.A.Publish(slug);
        await cms.A.InScope<int, DeliveryQueue>(queue => queue.QueueEventsAsync());
        var delivery = await cms.A.Read(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
        var claim = await cms.A.Read(db => DeliveryClaim.TakeAsync(db, delivery.Id, delivery.DueAt, clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), CancellationToken.None));
        Assert.That(claim, Is.Not.Null);
        Assert.That(await cms.A.Read(db => DeliveryClaim.TakeAsync(db, delivery.Id, delivery.DueAt, clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), CancellationToken.None)),
            Is.Null, "a claim is taken once");

        await Dispatch(cms.B);
        clock.Advance(TimeSpan.FromSeconds(119));
        await Dispatch(cms.B);
        await Task.Delay(300);
        Assert.That(receiver.All, Is.Empty, "the lease holds");

        clock.Advance(TimeSpan.FromSeconds(2));
        await Dispatch(cms.B);
        var webhook = await receiver.NextAsync();
        Assert.That(webhook.Headers[WebhookSender.DeliveryHeader], Is.EqualTo(delivery.DeliveryId));
        Assert.That(webhook.Slugs, Is.EqualTo(new[] { slug }));
        var after = await cms.B.Read(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
        Assert.That((after.Status, after.Attempts), Is.EqualTo((DeliveryStatus.Delivered, 1)));

        // The dead instance's late answer does not overwrite the one recorded.
        Assert.That(await cms.A.Read(db => claim!.RecordAsync(db, new DeliveryOutcome(DeliveryStatus.Failed, 1, clock.GetUtcNow().UtcDateTime,
            clock.GetUtcNow().UtcDateTime, 500, "late"), CancellationToken.None)), Is.False);
        await Task.Delay(300);
        Assert.That(receiver.All, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_lease_no_longer_than_the_timeout_is_refused_at_start() =>
        Assert.That(ValidatedOptions.Check(WebhookOptions.Section, new WebhookOptions { Timeout = TimeSpan.FromSeconds(10), ClaimLease = TimeSpan.FromSeconds(10) }).FailureMessage,
            Does.Contain("Cadence:Webhooks:ClaimLease must be longer than Cadence:Webhooks:Timeout."));

    private static Task Dispatch(CmsServer cms) => cms.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);

    private static Task<int> Queue(CmsServer cms) => cms.InScope<int, DeliveryQueue>(queue => queue.QueueEventsAsync());
}
