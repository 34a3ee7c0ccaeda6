using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Site.Source;
using Cadence.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Site.Tests.Contract;

/// <summary>The site follows the CMS's changes feed page by page and ends with what one large page says.</summary>
public class ChangesPagesTests
{
    [Test]
    public async Task Small_pages_followed_to_the_end_give_the_answer_of_one_page()
    {
        await using var cms = await CmsServer.StartAsync();
        // Image variants made in the background add changes; the two reads compared here must see the same feed.
        await cms.ImageVariantsMadeAsync();
        using var api = new DeliveryApiClient(new Uri(cms.BaseUrl), cms.ContentKey);
        var start = (await ApiSource.ChangesAsync(api, null, CancellationToken.None, pageSize: 2))!;
        var whole = (await ApiSource.ChangesAsync(api, null, CancellationToken.None, pageSize: 1000))!;
        Assert.That(start.Changed.Order(StringComparer.Ordinal), Is.EqualTo(whole.Changed));
        Assert.That(start.ChangedPages!.Order(StringComparer.Ordinal), Is.EqualTo(whole.ChangedPages));
        Assert.That(start.Cursor, Is.EqualTo(whole.Cursor));
        Assert.That(start.Next, Is.Null);

        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
            foreach (var post in await db.Posts.Where(p => p.Status == PostStatus.Published).ToListAsync()) post.Title += " (edited)";
            await db.SaveChangesAsync();
            workflow.Unpublish(await db.Posts.SingleAsync(p => p.Slug == "shin-splints"));
            await db.SaveChangesAsync();
        }

        var paged = (await ApiSource.ChangesAsync(api, start.Cursor, CancellationToken.None, pageSize: 2))!;
        var one = (await ApiSource.ChangesAsync(api, start.Cursor, CancellationToken.None, pageSize: 1000))!;
        Assert.That(paged.Changed.Order(StringComparer.Ordinal), Is.EqualTo(one.Changed));
        Assert.That(paged.Deleted, Is.EqualTo(new[] { "shin-splints" }).And.EqualTo(one.Deleted));
        Assert.That(paged.Changed, Does.Not.Contain("shin-splints"), "the later page's judgement wins");
        Assert.That(paged.Cursor, Is.EqualTo(one.Cursor));
        Assert.That(paged.SiteChanged, Is.False);
    }
}
