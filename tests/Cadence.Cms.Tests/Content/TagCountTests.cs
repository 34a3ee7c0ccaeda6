using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Content;

/// <summary>
/// Each tag's kept live-post count equals a count of the database after every kind of save that can move it, on
/// the real database of a running CMS (SQLite, and PostgreSQL when the suite runs there), and the API answers from it.
/// </summary>
public class TagCountTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task The_starter_import_leaves_every_tag_counted()
    {
        var counts = await InScope(Kept);
        Assert.That(counts.Values.Sum(), Is.GreaterThan(0), "the starter posts carry tags");
        await AssertCountsAsync("after the first start's import");
    }

    [Test]
    public async Task Every_save_that_moves_a_count_keeps_it_equal_to_a_count_of_the_database()
    {
        var knee = await InScope(db => db.Tags.Where(t => t.Posts.Any(p => p.Status == PostStatus.Published)).Select(t => t.Slug).FirstAsync());
        await Step("a draft with an existing and a new tag", async (db, _) =>
        {
            var existing = await db.Tags.SingleAsync(t => t.Slug == knee);
            db.Posts.Add(NewPost("counted-draft", PostStatus.Draft, existing, new Tag { Slug = "counted-new", Name = "Counted new" }));
        });
        Assert.That((await InScope(Kept))["counted-new"], Is.Zero, "a tag only a draft carries counts no live post");

        await Step("publishing it", async (db, workflow) => workflow.Publish(await Post(db, "counted-draft")));
        Assert.That((await InScope(Kept))["counted-new"], Is.EqualTo(1));

        await Step("swapping a tag of the live post", async (db, _) =>
        {
            var post = await db.Posts.Include(p => p.Tags).SingleAsync(p => p.Slug == "counted-draft");
            post.Tags.RemoveAll(t => t.Slug == knee);
            post.Tags.Add(new Tag { Slug = "counted-other", Name = "Counted other" });
        });
        await Step("trashing it", async (db, workflow) => workflow.Trash(await Post(db, "counted-draft")));
        Assert.That((await InScope(Kept))["counted-new"], Is.Zero);
        await Step("restoring it", async (db, workflow) => workflow.Restore(await Post(db, "counted-draft")));
        await Step("unpublishing it", async (db, workflow) => workflow.Unpublish(await Post(db, "counted-draft")));
        await Step("publishing it again", async (db, workflow) => workflow.Publish(await Post(db, "counted-draft")));
        await Step("a live post published with its tags in one save", async (db, _) =>
        {
            var existing = await db.Tags.SingleAsync(t => t.Slug == "counted-other");
            db.Posts.Add(NewPost("counted-live", PostStatus.Published, existing));
        });
        Assert.That((await InScope(Kept))["counted-other"], Is.EqualTo(2));

        // Deleted without loading its tags: the database removes the links, and the count follows the database.
        await Step("deleting a live post outright", async (db, _) => db.Posts.Remove(await Post(db, "counted-live")));
        Assert.That((await InScope(Kept))["counted-other"], Is.EqualTo(1));
        await Step("deleting a tag live posts carry", async (db, _) => db.Tags.Remove(await db.Tags.SingleAsync(t => t.Slug == "counted-new")));

        // A synchronous save keeps them the same way.
        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            scope.ServiceProvider.GetRequiredService<PostWorkflow>().Unpublish(await Post(db, "counted-draft"));
            db.SaveChanges();
        }
        await AssertCountsAsync("after a synchronous save");
        Assert.That((await InScope(Kept))["counted-other"], Is.Zero);
    }

    [Test]
    public async Task A_save_of_hundreds_of_posts_counts_every_tag_again()
    {
        await Step("six hundred live posts in one save", async (db, _) =>
        {
            var tags = await db.Tags.OrderBy(t => t.Id).Take(3).ToListAsync();
            for (var i = 0; i < 600; i++) db.Posts.Add(NewPost($"bulk-{i}", PostStatus.Published, tags[i % tags.Count]));
        });
        await Step("and unpublished in one save", async (db, workflow) =>
        {
            foreach (var post in await db.Posts.Where(p => p.Slug.StartsWith("bulk-")).ToListAsync()) workflow.Unpublish(post);
        });
    }

    [Test]
    public async Task The_api_gives_the_kept_counts_and_a_tags_total()
    {
        var kept = await InScope(Kept);
        using var api = _cms.Client(_cms.ContentKey);
        using var tags = JsonDocument.Parse(await api.GetStringAsync("api/v1/tags"));
        var listed = tags.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(t => t.GetProperty("slug").GetString()!, t => t.GetProperty("postCount").GetInt32());
        Assert.That(listed, Is.EqualTo(kept.Where(k => k.Value > 0).ToDictionary()), "every tag with live posts, with its count");

        var (slug, count) = listed.MaxBy(t => t.Value);
        using var page = JsonDocument.Parse(await api.GetStringAsync($"api/v1/posts?tag={slug}&limit=1"));
        Assert.That(page.RootElement.GetProperty("pagination").GetProperty("total").GetInt32(), Is.EqualTo(count));
    }

    private static Post NewPost(string slug, PostStatus status, params Tag[] tags)
    {
        var now = DateTime.UtcNow;
        return new Post
        {
            Title = slug, Slug = slug, Body = "Counted.", Status = status, CreatedAt = now, UpdatedAt = now,
            PublishedAt = status == PostStatus.Published ? now : null, Tags = [.. tags],
        };
    }

    private static Task<Post> Post(CadenceDb db, string slug) => db.Posts.SingleAsync(p => p.Slug == slug);

    private async Task Step(string what, Func<CadenceDb, PostWorkflow, Task> change)
    {
        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            await change(db, scope.ServiceProvider.GetRequiredService<PostWorkflow>());
            await db.SaveChangesAsync();
        }
        await AssertCountsAsync("after " + what);
    }

    private async Task AssertCountsAsync(string when)
    {
        var kept = await InScope(Kept);
        var counted = await InScope(db => db.Tags
            .Select(t => new { t.Slug, Count = t.Posts.Count(p => p.Kind == PostKind.Post && p.Status == PostStatus.Published && p.DeletedAt == null) })
            .ToDictionaryAsync(t => t.Slug, t => t.Count));
        Assert.That(kept, Is.EqualTo(counted), when);
    }

    private static Task<Dictionary<string, int>> Kept(CadenceDb db) =>
        db.Tags.Select(t => new { t.Slug, t.LivePostCount }).ToDictionaryAsync(t => t.Slug, t => t.LivePostCount);

    private async Task<T> InScope<T>(Func<CadenceDb, Task<T>> read)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CadenceDb>());
    }
}
