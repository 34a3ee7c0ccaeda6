using Cadence.Cms.Content;
using Cadence.Cms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cadence.Cms.Tests.Webhooks;

public class CoalescingAndSchedulingTests
{
    [Test]
    public async Task Ten_quick_saves_make_at_most_two_deliveries_carrying_every_slug()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        // A window wide enough that ten saves fit in it even on a loaded CI machine.
        await using var cms = await CmsServer.StartAsync(WebhookCms.Settings(receiver.Url, debounce: "00:00:05"));
        var slugs = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var slug = i < 5 ? "knee-pain-when-running" : await cms.AddDraft($"Quick note {i}");
            await cms.Edit(async (db, workflow) =>
            {
                var post = await db.Posts.SingleAsync(p => p.Slug == slug);
                post.Body += $"\n\nEdit {i}.";
                if (!post.IsLive) workflow.Publish(post);
                return 0;
            });
            slugs.Add(slug);
        }

        var deliveries = await cms.DeliveriesWhen(d => d.Count > 0 && d.All(x => x.Status == DeliveryStatus.Delivered)
            && slugs.All(s => d.Any(x => x.Slugs.Contains(s))), TimeSpan.FromSeconds(30));
        Assert.That(deliveries, Has.Count.InRange(1, 2));
        Assert.That(receiver.All, Has.Count.EqualTo(deliveries.Count));
        var received = receiver.All.SelectMany(w => w.Slugs).ToHashSet();
        Assert.That(received, Is.SupersetOf(slugs.Distinct()));
        Assert.That(receiver.All.SelectMany(w => w.Events), Does.Contain("post.published").And.Contain("post.published.edited"));
        Assert.That(receiver.All.All(w => w.SignatureValid), Is.True);
    }

    [Test]
    public async Task A_scheduled_post_goes_live_at_its_time_and_raises_the_same_event_as_publishing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        var settings = WebhookCms.Settings(receiver.Url);
        settings["Cadence:Scheduling:Interval"] = "00:01:00";
        await using var cms = await CmsServer.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));
        var slug = await cms.AddDraft("Race-day breakfast");
        await cms.Edit(async (db, workflow) =>
        {
            workflow.Schedule(await db.Posts.SingleAsync(p => p.Slug == slug), clock.GetUtcNow().UtcDateTime.AddHours(1));
            return 0;
        });
        var api = cms.Client(cms.ContentKey);
        Assert.That((await api.GetAsync($"api/v1/posts/{slug}")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300);
        Assert.That(receiver.All, Is.Empty, "nothing is live before its time");

        clock.Advance(TimeSpan.FromMinutes(2));
        var webhook = await receiver.NextAsync();
        Assert.That(webhook.Json.GetProperty("event").GetString(), Is.EqualTo(WebhookEventNames.PostPublished));
        Assert.That(webhook.Slugs, Is.EqualTo(new[] { slug }));
        Assert.That(webhook.SignatureValid, Is.True);
        Assert.That((await api.GetAsync($"api/v1/posts/{slug}")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public async Task Each_kind_of_change_raises_its_event_and_draft_edits_raise_none()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        await using var cms = await CmsServer.StartAsync(WebhookCms.Settings(receiver.Url));

        await cms.Edit(async (db, _) => (await db.Posts.SingleAsync(p => p.Slug == "cadence-and-stride-length")).Body += " draft edit");
        await cms.Edit(async (db, workflow) => { workflow.Unpublish(await db.Posts.SingleAsync(p => p.Slug == "shin-splints")); return 0; });
        await cms.Edit(async (db, workflow) => { workflow.Trash(await db.Posts.SingleAsync(p => p.Slug == "hip-strength-for-runners")); return 0; });
        await cms.Edit(async (db, _) => (await db.Settings.SingleAsync()).SiteTitle = "Run Tips, weekly");
        await cms.Edit(async (db, _) => (await db.Forms.FirstAsync()).Title += "!");
        await cms.Edit(async (db, _) => db.Tags.Add(new Tag { Slug = "hydration", Name = "Hydration" }));
        await cms.Edit(async (db, _) => db.Categories.Add(new Category { Slug = "nutrition", Name = "Nutrition" }));
        await cms.Edit(async (db, _) => (await db.Authors.FirstAsync()).Bio = "Physio and marathoner.");

        var expected = new[]
        {
            "post.unpublished", "post.deleted", "settings.changed", "form.changed", "tag.changed", "category.changed", "author.changed",
        };
        await cms.DeliveriesWhen(d => expected.All(e => d.Any(x => x.Events.Contains(e))) && d.All(x => x.Status == DeliveryStatus.Delivered));
        var events = receiver.All.SelectMany(w => w.Events).ToHashSet();
        var slugs = receiver.All.SelectMany(w => w.Slugs).ToHashSet();
        Assert.That(events, Is.SupersetOf(expected));
        Assert.That(slugs, Does.Contain("shin-splints").And.Contain("hip-strength-for-runners"));
        Assert.That(slugs, Does.Not.Contain("cadence-and-stride-length"), "a draft's edits are invisible to readers");
    }
}
