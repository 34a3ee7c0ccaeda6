using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

public class PostEditorTests : SignedInAdminTests
{
    [Test]
    public async Task A_published_post_with_image_tags_and_a_call_to_action_reaches_the_delivery_api()
    {
        var title = "Hamstring care " + Guid.NewGuid().ToString("N")[..6];
        var response = await Admin.SubmitAsync("/manager/posts/new", new()
        {
            ["Title"] = title, ["Body"] = "Warm up first.\n\n::: form knee-pain-ebook\n", ["Tags"] = "Hamstrings, Warm-up",
            ["Image"] = "/media/knee-pain-when-running.png", ["ImageAlt"] = "A runner holding a knee",
        }, "Publish", "#post-form");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location!.ToString(), Does.Match(@"^/manager/posts/\d+$"));

        var slug = Cadence.Markdown.Slug.From(title);
        using var api = Cms.Client(Cms.ContentKey);
        var post = await api.GetFromJsonAsync<JsonElement>($"api/v1/posts/{slug}");
        Assert.That(post.GetProperty("status").GetString(), Is.EqualTo("published"));
        Assert.That(post.GetProperty("forms")[0].GetString(), Is.EqualTo("knee-pain-ebook"));
        Assert.That(post.GetProperty("image").GetProperty("alt").GetString(), Is.EqualTo("A runner holding a knee"));
        Assert.That(post.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EquivalentTo(new[] { "hamstrings", "warm-up" }));
    }

    [Test]
    public async Task An_image_without_alt_text_is_refused_next_to_the_field()
    {
        var response = await Admin.SubmitAsync("/manager/posts/new", new()
        {
            ["Title"] = "No alt", ["Body"] = "x", ["Image"] = "/media/shin-splints.png", ["ImageAlt"] = "",
        }, "Save", "#post-form");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-valmsg-for=ImageAlt]")!.TextContent, Does.Contain("Describe the image"));
        Assert.That(await CountAsync(p => p.Title == "No alt"), Is.Zero, "nothing is saved");
    }

    [Test]
    public async Task Scheduling_reads_the_time_in_the_clinic_time_zone()
    {
        await WithSettingsAsync(s => s.TimeZone = "America/New_York");
        var when = DateTime.UtcNow.AddDays(30);
        var local = new DateTime(when.Year, when.Month, when.Day, 9, 30, 0);
        var response = await Admin.SubmitAsync("/manager/posts/new", new()
        {
            ["Title"] = "Scheduled tip " + Guid.NewGuid().ToString("N")[..6], ["Body"] = "Soon.", ["PublishAt"] = local.ToString("yyyy-MM-ddTHH:mm"),
        }, "Schedule", "#post-form");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = int.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var post = await FindAsync(id);
        var expected = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.That(post.Status, Is.EqualTo(PostStatus.Scheduled));
        Assert.That(post.PublishedAt, Is.EqualTo(expected));
        await WithSettingsAsync(s => s.TimeZone = "UTC");
    }

    [Test]
    public async Task Autosave_creates_a_draft_and_later_saves_update_it()
    {
        var first = await Admin.SubmitAsync("/manager/posts/new", new() { ["Title"] = "", ["Body"] = "Half a thought" }, "Autosave", "#post-form");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetInt32();
        Assert.That((await FindAsync(id)).Body, Is.EqualTo("Half a thought"));

        var second = await Admin.SubmitAsync($"/manager/posts/{id}", new() { ["Body"] = "Half a thought, now whole." }, "Autosave", "#post-form");
        Assert.That((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), Is.EqualTo(id));
        var post = await FindAsync(id);
        Assert.That(post.Body, Is.EqualTo("Half a thought, now whole."));
        Assert.That(post.Status, Is.EqualTo(PostStatus.Draft));
        Assert.That(await RevisionCountAsync(id), Is.EqualTo(1), "autosaves in a row share one revision");
    }

    [Test]
    public async Task Autosave_of_a_live_post_keeps_a_revision_and_leaves_the_site_alone()
    {
        var id = await PublishAsync("Live words", "Original live text.");
        await Admin.SubmitAsync($"/manager/posts/{id}", new() { ["Body"] = "Half-typed change" }, "Autosave", "#post-form");
        Assert.That((await FindAsync(id)).Body, Is.EqualTo("Original live text."));
        Assert.That(await RevisionCountAsync(id), Is.EqualTo(2));
    }

    [Test]
    public async Task The_live_preview_renders_the_shared_dialect_with_the_call_to_action()
    {
        var response = await Admin.PostWithTokenAsync("/manager/posts/new", "/manager/posts/new?handler=Render",
            new() { ["Body"] = "# Hello\n\n::: form knee-pain-ebook\n\n<script>alert(1)</script>" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1 id=\"hello\">Hello</h1>"));
        Assert.That(html, Does.Contain("cta-preview").And.Contain("knee-pain-ebook"));
        Assert.That(html, Does.Not.Contain("<script>"));
    }

    [Test]
    public async Task Restoring_a_revision_brings_the_text_back_and_keeps_history()
    {
        var id = await PublishAsync("Revision test " + Guid.NewGuid().ToString("N")[..6], "First version.");
        await Admin.SubmitAsync($"/manager/posts/{id}", new() { ["Body"] = "Second version." }, "Save", "#post-form");
        var page = await Admin.PageAsync($"/manager/posts/{id}/revisions");
        var links = page.QuerySelectorAll(".revision-list a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(links, Has.Count.EqualTo(2));
        var diff = await Admin.PageAsync(links[1]);
        Assert.That(diff.QuerySelector("pre.diff .removed")!.TextContent, Does.Contain("First version."));
        Assert.That(diff.QuerySelector("pre.diff .added")!.TextContent, Does.Contain("Second version."));

        var restore = await Admin.SubmitAsync(links[1], [], formSelector: "form[action*=Restore]");
        Assert.That(restore.Headers.Location!.ToString(), Is.EqualTo($"/manager/posts/{id}"));
        Assert.That((await FindAsync(id)).Body, Is.EqualTo("First version."));
        Assert.That(await RevisionCountAsync(id), Is.EqualTo(3));
    }

    [Test]
    public async Task Only_the_newest_fifty_revisions_are_kept()
    {
        var id = await PublishAsync("Many saves " + Guid.NewGuid().ToString("N")[..6], "v0");
        await using (var scope = Cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var revisions = scope.ServiceProvider.GetRequiredService<PostRevisions>();
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            for (var i = 1; i <= 55; i++)
            {
                post.Body = "v" + i;
                await revisions.KeepAsync(post, "test");
                await db.SaveChangesAsync();
            }
        }
        Assert.That(await RevisionCountAsync(id), Is.EqualTo(PostRevisions.Kept));
    }

    [Test]
    public async Task The_list_pages_25_at_a_time_and_filters_by_title_in_any_case_and_status()
    {
        var marker = "Pager" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = Cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            for (var i = 0; i < 30; i++)
                db.Posts.Add(new Post { Title = $"{marker} {i:00}", Slug = $"{marker.ToLowerInvariant()}-{i}", Status = PostStatus.Draft });
            await db.SaveChangesAsync();
        }
        var first = await Admin.PageAsync($"/manager/posts?q={marker}&status=draft&sort=title");
        Assert.That(first.QuerySelectorAll("table.list tbody tr"), Has.Length.EqualTo(25));
        Assert.That(first.QuerySelector("#post-count")!.TextContent, Does.Contain("30 posts, page 1 of 2"));
        var second = await Admin.PageAsync(first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        Assert.That(second.QuerySelectorAll("table.list tbody tr"), Has.Length.EqualTo(5));
        Assert.That(second.QuerySelector("table.list tbody th")!.TextContent.Trim(), Is.EqualTo($"{marker} 25"));
        var anyCase = await Admin.PageAsync($"/manager/posts?q={marker.ToUpperInvariant()}&status=draft");
        Assert.That(anyCase.QuerySelector("#post-count")!.TextContent, Does.Contain("30 posts"), "the title filter ignores case on either database");
        var published = await Admin.PageAsync($"/manager/posts?q={marker}&status=published");
        Assert.That(published.QuerySelectorAll("table.list tbody tr"), Is.Empty);
    }

    [Test]
    public async Task Trash_and_restore()
    {
        var id = await PublishAsync("Trash me " + Guid.NewGuid().ToString("N")[..6], "Bye.");
        var trashed = await Admin.SubmitAsync($"/manager/posts/{id}", [], "Trash", "#post-form");
        Assert.That(trashed.Headers.Location!.ToString(), Is.EqualTo("/manager/posts"));
        Assert.That((await FindAsync(id)).DeletedAt, Is.Not.Null);
        Assert.That((await Admin.GetAsync($"/manager/posts/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var restored = await Admin.SubmitAsync("/manager/posts/trash", [], formSelector: $"form[action*='postId={id}']");
        Assert.That(restored.Headers.Location!.ToString(), Is.EqualTo($"/manager/posts/{id}"));
        Assert.That((await FindAsync(id)).DeletedAt, Is.Null);
    }

    private async Task<int> PublishAsync(string title, string body)
    {
        var response = await Admin.SubmitAsync("/manager/posts/new", new() { ["Title"] = title, ["Body"] = body }, "Publish", "#post-form");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<Post> FindAsync(int id)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Post, bool>> where)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.CountAsync(where);
    }

    private async Task<int> RevisionCountAsync(int id)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().PostRevisions.CountAsync(r => r.PostId == id);
    }

    private async Task WithSettingsAsync(Action<Cadence.Cms.Settings.SiteSettings> change)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        change(await db.Settings.SingleAsync());
        await db.SaveChangesAsync();
    }
}
