using Cadence.Cms.Content;
using Cadence.Cms.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cadence.Cms.Tests.Instances;

/// <summary>Two instances' schedulers publishing the same due posts at the same moment.</summary>
public class SchedulingRaceTests
{
    [Test]
    public async Task Each_scheduled_post_goes_live_once_with_one_feed_row_and_one_webhook()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        var settings = WebhookCms.Settings(receiver.Url);
        settings["Cadence:Scheduling:Interval"] = "01:00:00";
        // The test moves the clock on by minutes; a send under way must not look abandoned.
        settings["Cadence:Webhooks:ClaimLease"] = "01:00:00";
        // The test runs each instance's passes itself, four at a time. The instances' own schedulers are left out: a
        // start-up pass slowed by a cold start could otherwise publish a post after the clock moves, where no call of
        // the test would see it.
        await using var cms = await TwoInstances.StartAsync(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(s => s.ImplementationType == typeof(ScheduledPublisher)));
        });
        var firstChange = await cms.A.Read(db => db.ContentChanges.MaxAsync(c => c.Id));

        var slugs = new List<string>();
        var publishedHere = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            var due = clock.GetUtcNow().UtcDateTime.AddMinutes(1);
            var scheduled = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var slug = await cms[i].AddDraft($"Scheduled {round} {i}");
                await cms[i].Save(async (db, workflow) => workflow.Schedule(await db.Posts.SingleAsync(p => p.Slug == slug), due));
                scheduled.Add(slug);
            }
            clock.Advance(TimeSpan.FromMinutes(2));
            var results = await Task.WhenAll(Task.Run(() => PublishDue(cms.A)), Task.Run(() => PublishDue(cms.B)), Task.Run(() => PublishDue(cms.A)), Task.Run(() => PublishDue(cms.B)));
            publishedHere.AddRange(results.SelectMany(r => r));
            slugs.AddRange(scheduled);
        }
        await InstanceWork.Until(() => Task.FromResult(slugs.All(s => receiver.All.Any(w => w.Slugs.Contains(s)))), "every slug reached the receiver");
        await Task.Delay(500); // room for a duplicate to arrive

        Assert.That(slugs.Except(publishedHere), Is.Empty, "posts no call published");
        Assert.That(publishedHere.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "posts published by more than one call");
        var feed = await cms.B.Read(db => db.ContentChanges.Where(c => c.Id > firstChange && c.Slug != null).Select(c => c.Slug!).ToListAsync());
        foreach (var slug in slugs)
        {
            Assert.That(feed.Count(s => s == slug), Is.EqualTo(1), $"{slug}: one changes-feed row");
            Assert.That(receiver.All.Count(w => w.Slugs.Contains(slug)), Is.EqualTo(1), $"{slug}: one webhook");
        }
        var live = await cms.A.Read(db => db.Posts.CountAsync(p => slugs.Contains(p.Slug) && p.Status == PostStatus.Published));
        Assert.That(live, Is.EqualTo(slugs.Count));
    }

    private static Task<IReadOnlyList<string>> PublishDue(CmsServer cms) =>
        cms.InScope<IReadOnlyList<string>, PostWorkflow>(workflow => workflow.PublishDueAsync());
}
