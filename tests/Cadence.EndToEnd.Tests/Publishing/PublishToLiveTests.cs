using System.Net;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>Publish in the CMS, and the site's serve rebuilds on the signed webhook and serves the new page.</summary>
public class PublishToLiveTests
{
    private const string Secret = "serve-webhook-secret-0123456789";

    [Test]
    public async Task A_published_post_is_served_by_the_site_after_the_webhook_rebuild()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
            ["Cadence:Webhooks:RetryBaseDelay"] = "00:00:00.500",
        });
        var output = RepoPaths.NewTempFolder("serve-out");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output, "--webhook-secret", Secret);
        await using var _ = serve;
        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };

        // The endpoint is added the way the manager adds one: checked, its secret encrypted.
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var problem = await scope.ServiceProvider.GetRequiredService<WebhookTargets>()
                .AddAsync(new NewEndpoint($"{siteUrl}/_cadence/rebuild", WebhookKind.Generic, Secret, null, []));
            Assert.That(problem, Is.Null);
        }

        string slug;
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
            slug = await workflow.FreeSlugAsync("Hill repeats for beginners", null);
            var post = new Post { Title = "Hill repeats for beginners", Slug = slug, Body = "Walk down, run up.", Status = PostStatus.Draft };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            Assert.That((await site.GetAsync($"/posts/{slug}/")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

            workflow.Publish(post);
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpResponseMessage page;
        while ((page = await site.GetAsync($"/posts/{slug}/")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        // The site can serve the page a moment before the CMS has recorded serve's answer to the delivery.
        var deliveries = await Deliveries(cms);
        while (deliveries.Any(d => d.Status == DeliveryStatus.Pending) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            deliveries = await Deliveries(cms);
        }
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK),
            serve.Output + string.Join("\n", deliveries.Select(d => $"{d.Status} {d.ResponseCode} {d.Error} attempts={d.Attempts}")));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Hill repeats for beginners"));

        Assert.That(deliveries.Single().Status, Is.EqualTo(DeliveryStatus.Delivered), "serve accepted the signature");
        Assert.That(deliveries.Single().ResponseCode, Is.EqualTo(202));
    }

    private static async Task<List<WebhookDelivery>> Deliveries(CmsServer cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().WebhookDeliveries.AsNoTracking().ToListAsync();
    }
}
