using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>The facts the API derives from a post's Markdown follow every edit of the body (they are cached by body).</summary>
public class PostFactsTests
{
    [Test]
    public async Task Word_count_reading_time_and_forms_follow_an_edit_of_the_body()
    {
        await using var cms = await CmsServer.StartAsync();
        using var api = cms.Client(cms.ContentKey);
        var before = await Facts(api);
        Assert.That(await Facts(api), Is.EqualTo(before), "asked twice, the same answer");

        using (var scope = cms.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
            var post = await db.Posts.SingleAsync(p => p.Slug == "knee-pain-when-running");
            post.Body += "\n\n" + string.Join(' ', Enumerable.Repeat("stride", 500)) + "\n\n::: form newsletter\n";
            workflow.Publish(post);
            await db.SaveChangesAsync();
        }

        var after = await Facts(api);
        Assert.That(after.Words, Is.EqualTo(before.Words + 500));
        Assert.That(after.Minutes, Is.GreaterThan(before.Minutes));
        Assert.That(after.Forms, Does.Contain("newsletter"));
    }

    private static async Task<(int Words, int Minutes, string Forms)> Facts(HttpClient api)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync("api/v1/posts/knee-pain-when-running"));
        var post = json.RootElement;
        return (post.GetProperty("wordCount").GetInt32(), post.GetProperty("readingMinutes").GetInt32(),
            string.Join(",", post.GetProperty("forms").EnumerateArray().Select(f => f.GetString())));
    }
}
