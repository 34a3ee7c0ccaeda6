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
    public async Task Start() => _cms = await CmsServer.StartAsync();

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

    private async Task Edit(Func<CadenceDb, PostWorkflow, Task> change)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await change(db, scope.ServiceProvider.GetRequiredService<PostWorkflow>());
        await db.SaveChangesAsync();
    }

    private async Task<(string Cursor, List<string> Changed, List<string> Deleted, bool SiteChanged)> Changes(string? since)
    {
        using var json = JsonDocument.Parse(await _cms.Client(_cms.ContentKey).GetStringAsync("api/v1/changes" + (since is null ? "" : "?since=" + since)));
        var root = json.RootElement;
        return (root.GetProperty("cursor").GetString()!,
            root.GetProperty("changed").EnumerateArray().Select(s => s.GetString()!).ToList(),
            root.GetProperty("deleted").EnumerateArray().Select(s => s.GetString()!).ToList(),
            root.GetProperty("siteChanged").GetBoolean());
    }
}
