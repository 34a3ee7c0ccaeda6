using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

public class ChangesFeedTests
{
    private CmsServer _cms = null!;

    [SetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync();
        // Image variants made in the background are media changes; these tests count only the edits they make.
        await _cms.ImageVariantsMadeAsync();
    }

    [TearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task Without_a_cursor_every_published_slug_is_changed()
    {
        var changes = await Changes(null);
        Assert.That(changes.Changed, Has.Count.EqualTo(6));
        Assert.That(changes.SiteChanged, Is.True);
    }

    [Test]
    public async Task Since_a_cursor_only_what_changed_is_reported_and_unpublished_posts_are_deleted()
    {
        var start = await Changes(null);
        Assert.That((await Changes(start.Cursor)).Changed, Is.Empty, "nothing changed yet");

        await Edit(async (db, workflow) =>
        {
            var knee = await db.Posts.SingleAsync(p => p.Slug == "knee-pain-when-running");
            knee.Title = "Knee pain when running, explained";
            var shins = await db.Posts.SingleAsync(p => p.Slug == "shin-splints");
            workflow.Unpublish(shins);
        });

        var after = await Changes(start.Cursor);
        Assert.That(after.Changed, Is.EqualTo(new[] { "knee-pain-when-running" }));
        Assert.That(after.Deleted, Is.EqualTo(new[] { "shin-splints" }));
        Assert.That(after.SiteChanged, Is.False);
        Assert.That(long.Parse(after.Cursor), Is.GreaterThan(long.Parse(start.Cursor)));
    }

    [Test]
    public async Task A_rename_reports_the_old_slug_deleted_and_a_tag_change_is_site_wide()
    {
        var start = await Changes(null);
        await Edit(async (db, workflow) =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == "hip-strength-for-runners");
            await workflow.RenameAsync(post, "strong-hips");
            (await db.Tags.SingleAsync(t => t.Slug == "hips")).Name = "Hip strength";
        });

        var after = await Changes(start.Cursor);
        Assert.That(after.Changed, Does.Contain("strong-hips"));
        Assert.That(after.Deleted, Does.Contain("hip-strength-for-runners"));
        Assert.That(after.SiteChanged, Is.True);
    }

    [Test]
    public async Task Drafts_and_scheduled_posts_that_were_never_public_are_not_in_the_feed()
    {
        var start = await Changes(null);
        await Edit(async (db, workflow) =>
        {
            var draft = await db.Posts.SingleAsync(p => p.Slug == "cadence-and-stride-length");
            draft.Title = "Cadence, revised";
            await workflow.RenameAsync(draft, "cadence-secrets");
            var scheduled = await db.Posts.SingleAsync(p => p.Slug == "strength-training-for-spring-races");
            scheduled.Body += "\n\nMore soon.";
        });
        await Edit(async (db, workflow) => workflow.Trash(await db.Posts.SingleAsync(p => p.Slug == "cadence-secrets")));

        var after = await Changes(start.Cursor);
        Assert.That(after.Changed.Concat(after.Deleted), Is.Empty);
        var full = await Changes(null);
        Assert.That(full.Changed.Concat(full.Deleted), Has.None.Contain("cadence").And.None.Contain("strength-training"));
    }

    [Test]
    public async Task Pages_of_changes_followed_to_the_end_say_what_one_answer_says()
    {
        var start = await Changes(null);
        await Edit(async (db, workflow) =>
        {
            foreach (var post in await db.Posts.Where(p => p.Status == PostStatus.Published).ToListAsync()) post.Title += " (edited)";
        });
        await Edit(async (db, workflow) => workflow.Unpublish(await db.Posts.SingleAsync(p => p.Slug == "shin-splints")));
        await Edit(async (db, _) => (await db.Tags.FirstAsync()).Name += " too");

        var whole = await Changes(start.Cursor, limit: 1000);
        Assert.That(whole.Next, Is.Null);
        var paged = await Followed(start.Cursor, limit: 2);
        Assert.That(paged.Pages, Is.GreaterThan(2));
        Assert.That(paged.Changes.Changed.Order(), Is.EqualTo(whole.Changed));
        Assert.That(paged.Changes.Deleted.Order(), Is.EqualTo(whole.Deleted));
        Assert.That(paged.Changes.SiteChanged, Is.EqualTo(whole.SiteChanged).And.True);
        Assert.That(paged.Changes.Cursor, Is.EqualTo(whole.Cursor));
        Assert.That(whole.Deleted, Is.EqualTo(new[] { "shin-splints" }));

        var everything = await Followed(null, limit: 2);
        Assert.That(everything.Changes.Changed.Order(), Is.EqualTo((await Changes(null)).Changed));
        Assert.That(everything.Changes.Cursor, Is.EqualTo(whole.Cursor), "a full listing ends at the version it started from");
    }

    [Test]
    public async Task A_change_committed_after_a_later_one_is_not_skipped_by_a_reader_in_between()
    {
        var start = await Changes(null);
        await using var scope = _cms.Services.CreateAsyncScope();
        var first = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await using var transaction = await first.Database.BeginTransactionAsync();
        (await first.Posts.SingleAsync(p => p.Slug == "knee-pain-when-running")).Title = "Knee pain, the first writer";
        await first.SaveChangesAsync(); // its feed row has its id, but is not committed

        // A second writer starts later. Where ids are drawn at insert (PostgreSQL), it would take a higher id and commit
        // first, and a reader in between would move its cursor past the first writer's row for good.
        var second = Task.Run(() => Edit(async (db, _) => (await db.Posts.SingleAsync(p => p.Slug == "shin-splints")).Title = "Shin splints, the second writer"));
        await Task.WhenAny(second, Task.Delay(1000));
        var between = await Changes(start.Cursor);
        Assert.That(between.Changed, Does.Not.Contain("knee-pain-when-running"), "nothing uncommitted is read");

        await transaction.CommitAsync();
        await second;
        var after = await Changes(between.Cursor);
        Assert.That(between.Changed.Concat(after.Changed), Does.Contain("knee-pain-when-running").And.Contain("shin-splints"));
    }

    [TestCase("since=abc")]
    [TestCase("since=1.x")]
    [TestCase("since=-1")]
    [TestCase("limit=0")]
    [TestCase("limit=1001")]
    [TestCase("limit=ten")]
    public async Task A_malformed_cursor_or_limit_is_400_naming_the_parameter(string query)
    {
        using var response = await _cms.Client(_cms.ContentKey).GetAsync("api/v1/changes?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"\"{query.Split('=')[0]}\""));
    }

    private async Task<(Feed Changes, int Pages)> Followed(string? since, int limit)
    {
        var changed = new HashSet<string>();
        var deleted = new HashSet<string>();
        var siteChanged = false;
        for (var pages = 1; ; pages++)
        {
            var page = await Changes(since, limit);
            changed.ExceptWith(page.Deleted);
            deleted.ExceptWith(page.Changed);
            changed.UnionWith(page.Changed);
            deleted.UnionWith(page.Deleted);
            siteChanged |= page.SiteChanged;
            Assert.That(page.Changed.Count + page.Deleted.Count, Is.LessThanOrEqualTo(limit));
            if (page.Next is null) return (new Feed(page.Cursor, changed.ToList(), deleted.ToList(), siteChanged, null), pages);
            since = page.Next;
        }
    }

    private async Task Edit(Func<CadenceDb, PostWorkflow, Task> change)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await change(db, scope.ServiceProvider.GetRequiredService<PostWorkflow>());
        await db.SaveChangesAsync();
    }

    private sealed record Feed(string Cursor, List<string> Changed, List<string> Deleted, bool SiteChanged, string? Next);

    private async Task<Feed> Changes(string? since, int? limit = null)
    {
        var query = string.Join("&", new[] { since is null ? null : "since=" + since, limit is null ? null : $"limit={limit}" }.OfType<string>());
        using var json = JsonDocument.Parse(await _cms.Client(_cms.ContentKey).GetStringAsync("api/v1/changes?" + query));
        var root = json.RootElement;
        return new Feed(root.GetProperty("cursor").GetString()!,
            root.GetProperty("changed").EnumerateArray().Select(s => s.GetString()!).ToList(),
            root.GetProperty("deleted").EnumerateArray().Select(s => s.GetString()!).ToList(),
            root.GetProperty("siteChanged").GetBoolean(),
            root.GetProperty("next").GetString());
    }
}
