using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Webhooks;

/// <summary>Starts the real CMS with one webhook endpoint from configuration and edits content the way the manager does.</summary>
internal static class WebhookCms
{
    public const string Secret = "receiver-secret-0123456789";

    public static Dictionary<string, string?> Settings(string url, string? debounce = "00:00:00", string? retryBase = "00:00:00.200") => new()
    {
        ["Cadence:Webhooks:Endpoints:0:Url"] = url,
        ["Cadence:Webhooks:Endpoints:0:Secret"] = Secret,
        ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
        ["Cadence:Webhooks:Debounce"] = debounce,
        ["Cadence:Webhooks:RetryBaseDelay"] = retryBase,
        ["Cadence:Webhooks:MaxRetryDelay"] = "00:00:01",
    };

    public static async Task<T> Edit<T>(this CmsServer cms, Func<CadenceDb, PostWorkflow, Task<T>> work)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var result = await work(db, scope.ServiceProvider.GetRequiredService<PostWorkflow>());
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>Adds a draft (drafts raise no events) and returns its slug.</summary>
    public static Task<string> AddDraft(this CmsServer cms, string title) => cms.Edit(async (db, workflow) =>
    {
        var post = new Post { Title = title, Slug = await workflow.FreeSlugAsync(title, null), Body = "Warm up first.", Status = PostStatus.Draft };
        db.Posts.Add(post);
        return post.Slug;
    });

    public static Task Publish(this CmsServer cms, string slug) => cms.Edit(async (db, workflow) =>
    {
        workflow.Publish(await db.Posts.SingleAsync(p => p.Slug == slug));
        return 0;
    });

    public static async Task<List<WebhookDelivery>> Deliveries(this CmsServer cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>Polls the database until <paramref name="done"/> holds; fails the test after the timeout.</summary>
    public static async Task<List<WebhookDelivery>> DeliveriesWhen(this CmsServer cms, Func<List<WebhookDelivery>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var deliveries = await cms.Deliveries();
            if (done(deliveries)) return deliveries;
            if (DateTime.UtcNow > deadline) Assert.Fail("The deliveries never reached the expected state: " + string.Join("; ",
                deliveries.Select(d => $"{d.Status} attempts={d.Attempts} error={d.Error}")));
            await Task.Delay(50);
        }
    }
}
