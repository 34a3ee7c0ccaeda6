using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Content;

/// <summary>Status and slug rules, on the real database of a running CMS.</summary>
public class PostWorkflowTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    private async Task<T> InScope<T>(Func<CadenceDb, PostWorkflow, Task<T>> work)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CadenceDb>(), scope.ServiceProvider.GetRequiredService<PostWorkflow>());
    }

    [Test]
    public async Task A_new_post_gets_a_free_slug_from_its_title()
    {
        var slug = await InScope((_, workflow) => workflow.FreeSlugAsync("Knee pain when running", null));
        Assert.That(slug, Is.EqualTo("knee-pain-when-running-2"), "the starter content already holds knee-pain-when-running");
    }

    [Test]
    public async Task Renaming_a_published_post_keeps_a_redirect_from_the_old_slug()
    {
        await InScope(async (db, workflow) =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == "shin-splints");
            await workflow.RenameAsync(post, "shin-splints-explained");
            await db.SaveChangesAsync();
            return 0;
        });
        var redirects = await _cms.Client(_cms.ContentKey).GetStringAsync("api/v1/redirects");
        Assert.That(redirects, Does.Contain("{\"from\":\"shin-splints\",\"to\":\"shin-splints-explained\",\"kind\":\"post\"}"));

        var freeSlug = await InScope((_, workflow) => workflow.FreeSlugAsync("Shin splints", null));
        Assert.That(freeSlug, Is.Not.EqualTo("shin-splints"), "a redirected slug is not handed to another post");
    }

    [Test]
    public async Task Renaming_a_draft_keeps_no_redirect()
    {
        var count = await InScope(async (db, workflow) =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == "cadence-and-stride-length");
            await workflow.RenameAsync(post, "cadence-basics");
            await db.SaveChangesAsync();
            return await db.SlugRedirects.CountAsync(r => r.FromSlug == "cadence-and-stride-length");
        });
        Assert.That(count, Is.Zero);
    }

    [Test]
    public void A_slug_another_post_holds_is_refused()
    {
        var error = Assert.ThrowsAsync<ContentRuleException>(() => InScope(async (db, workflow) =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == "hip-strength-for-runners");
            await workflow.RenameAsync(post, "knee-pain-when-running");
            return 0;
        }));
        Assert.That(error!.Field, Is.EqualTo("slug"));
    }

    [Test]
    public void Scheduling_in_the_past_is_refused()
    {
        var error = Assert.ThrowsAsync<ContentRuleException>(() => InScope(async (db, workflow) =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == "training-load-explained");
            workflow.Schedule(post, DateTime.UtcNow.AddMinutes(-1));
            return 0;
        }));
        Assert.That(error!.Field, Is.EqualTo("publishAt"));
    }

    [Test]
    public async Task Publishing_sets_the_publish_time_once_and_due_scheduled_posts_go_live()
    {
        var (publishedAt, status) = await InScope(async (db, workflow) =>
        {
            var post = new Post { Title = "Due soon", Slug = "due-soon", Body = "Text", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Posts.Add(post);
            workflow.Schedule(post, DateTime.UtcNow.AddMilliseconds(300));
            await db.SaveChangesAsync();
            await Task.Delay(400);
            var live = await workflow.PublishDueAsync();
            Assert.That(live, Does.Contain("due-soon"));
            await db.Entry(post).ReloadAsync();
            return (post.PublishedAt, post.Status);
        });
        Assert.That(status, Is.EqualTo(PostStatus.Published));
        Assert.That(publishedAt, Is.Not.Null);
    }
}
