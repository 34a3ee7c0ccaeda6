using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Tests.Instances;

/// <summary>
/// Each instance caches API answers in its own memory, keyed by the content version read from the shared database,
/// so a change made through one instance is never hidden by another's cache.
/// </summary>
public class CacheAcrossInstancesTests
{
    private const string Slug = "knee-pain-when-running";
    private const string Draft = "cadence-and-stride-length";

    [Test]
    public async Task A_change_through_one_instance_is_seen_at_once_through_the_other_every_time()
    {
        await using var cms = await TwoInstances.StartAsync();
        using var b = cms.B.Client(cms.B.ContentKey);
        for (var round = 1; round <= 10; round++)
        {
            // Warm B's cache with the state before the change.
            Assert.That(await Title(b, Slug), Does.Not.EndWith($"({round})"));
            Assert.That(await GhostTitles(b), Does.Not.Contain($"Knee pain ({round})"));
            Assert.That(await ListedSlugs(b), Does.Not.Contain(Draft));

            await cms.A.Save(async (db, workflow) =>
            {
                (await db.Posts.SingleAsync(p => p.Slug == Slug)).Title = $"Knee pain ({round})";
                workflow.Publish(await db.Posts.SingleAsync(p => p.Slug == Draft));
            });
            Assert.That(await Title(b, Slug), Is.EqualTo($"Knee pain ({round})"), $"round {round}: the post through B");
            Assert.That(await ListedSlugs(b), Does.Contain(Draft), $"round {round}: the list through B");
            Assert.That(await GhostTitles(b), Does.Contain($"Knee pain ({round})"), $"round {round}: the Ghost API through B");

            await cms.A.Save(async (db, workflow) => workflow.Unpublish(await db.Posts.SingleAsync(p => p.Slug == Draft)));
            Assert.That((await b.GetAsync($"api/v1/posts/{Draft}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"round {round}: unpublished through A");
        }
    }

    private static async Task<string> Title(HttpClient api, string slug)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync($"api/v1/posts/{slug}"));
        return json.RootElement.GetProperty("title").GetString()!;
    }

    private static async Task<List<string>> ListedSlugs(HttpClient api)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync("api/v1/posts?limit=100"));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();
    }

    private static async Task<List<string>> GhostTitles(HttpClient api)
    {
        var key = api.DefaultRequestHeaders.Authorization!.Parameter!;
        using var json = JsonDocument.Parse(await api.GetStringAsync($"ghost/api/content/posts/?key={Uri.EscapeDataString(key)}&limit=all"));
        return json.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToList();
    }
}
