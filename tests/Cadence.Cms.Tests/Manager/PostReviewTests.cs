using System.Net;
using System.Text.Json;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>
/// The trust signals on a post, through the editor form (no script) to the delivery API and the changes feed: who
/// reviewed it and when, and the featured flag. Only Editors and Admins set them; an Author's save keeps them.
/// </summary>
public class PostReviewTests : SignedInAdminTests
{
    private const string Password = "granite-willow-ferry-nine";

    [Test]
    public async Task An_editor_sets_the_review_and_the_api_and_changes_feed_show_it()
    {
        var (id, slug) = await StarterPostAsync("training-load-explained");
        var reviewer = await AuthorIdAsync("maya-okafor");
        var cursor = await CursorAsync();

        var saved = await Admin.SubmitAsync($"/manager/posts/{id}",
            new() { ["ReviewedById"] = reviewer.ToString(), ["LastReviewed"] = "2026-03-03", ["Featured"] = "true" }, "Save", "#post-form");

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "saved");
        using var post = JsonDocument.Parse(await Cms.Client(Cms.ContentKey).GetStringAsync($"api/v1/posts/{slug}"));
        var root = post.RootElement;
        var editor = await Admin.PageAsync($"/manager/posts/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("featured").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("lastReviewed").GetString(), Is.EqualTo("2026-03-03"));
            Assert.That(root.GetProperty("reviewedBy").GetProperty("slug").GetString(), Is.EqualTo("maya-okafor"));
            Assert.That(root.GetProperty("reviewedBy").GetProperty("credentials").GetString(), Is.EqualTo("MSc, HCPC-registered physiotherapist"));
            Assert.That(editor.QuerySelector("select[name=ReviewedById] option[selected]")?.TextContent, Is.EqualTo("Maya Okafor"));
            Assert.That(editor.QuerySelector("input[name=LastReviewed]")?.GetAttribute("value"), Is.EqualTo("2026-03-03"));
            Assert.That(editor.QuerySelector("input[name=Featured][type=checkbox]")?.HasAttribute("checked"), Is.True);
        });
        Assert.That(await ChangedSinceAsync(cursor), Is.EqualTo(new[] { slug }), "the review is a change of the live post");

        cursor = await CursorAsync();
        await Admin.SubmitAsync($"/manager/posts/{id}", new() { ["ReviewedById"] = "", ["LastReviewed"] = "", ["Featured"] = "false" }, "Save", "#post-form");
        var cleared = await StoredAsync(id);
        Assert.That((cleared.ReviewedById, cleared.LastReviewed, cleared.Featured), Is.EqualTo(((int?)null, (DateOnly?)null, false)), "cleared");
        Assert.That(await ChangedSinceAsync(cursor), Is.EqualTo(new[] { slug }), "clearing it is a change too");
    }

    [Test]
    public async Task A_page_carries_a_review_too_but_no_featured_flag()
    {
        var (id, slug) = await StarterPostAsync("about");
        var editor = await Admin.PageAsync($"/manager/posts/{id}");
        Assert.That(editor.QuerySelector("input[name=Featured][type=checkbox]"), Is.Null, "only posts lead the home page");

        var saved = await Admin.SubmitAsync($"/manager/posts/{id}",
            new() { ["ReviewedById"] = (await AuthorIdAsync("tom-reddy")).ToString(), ["LastReviewed"] = "2026-04-01", ["Featured"] = "true" }, "Save", "#post-form");

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var page = JsonDocument.Parse(await Cms.Client(Cms.ContentKey).GetStringAsync($"api/v1/pages/{slug}"));
        Assert.That(page.RootElement.GetProperty("reviewedBy").GetProperty("name").GetString(), Is.EqualTo("Tom Reddy"));
        Assert.That(page.RootElement.GetProperty("lastReviewed").GetString(), Is.EqualTo("2026-04-01"));
        Assert.That((await StoredAsync(id)).Featured, Is.False);
    }

    [TestCase("2999-01-01", "LastReviewed", "cannot be in the future")]
    [TestCase("1999-12-31", "LastReviewed", "2000 or later")]
    [TestCase("", "LastReviewed", "Give the date the post was reviewed")]
    public async Task A_review_that_does_not_make_sense_is_refused_in_plain_words_and_nothing_changes(string date, string field, string words)
    {
        var (id, _) = await StarterPostAsync("foot-mobility-for-runners");
        var before = await StoredAsync(id);
        var reviewer = await AuthorIdAsync("tom-reddy");

        var refused = await Admin.SubmitAsync($"/manager/posts/{id}",
            new() { ["ReviewedById"] = reviewer.ToString(), ["LastReviewed"] = date, ["Title"] = "Changed with a bad review" }, "Save", "#post-form");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the editor is shown again");
        var page = await ManagerSession.ParseAsync(refused);
        Assert.That(page.QuerySelector($"[data-valmsg-for={field}]")?.TextContent, Does.Contain(words));
        Assert.That(await StoredAsync(id), Is.EqualTo(before), "nothing stored");
    }

    [Test]
    public async Task A_date_without_a_reviewer_is_refused()
    {
        var (id, _) = await StarterPostAsync("foot-mobility-for-runners");
        var refused = await Admin.SubmitAsync($"/manager/posts/{id}", new() { ["ReviewedById"] = "", ["LastReviewed"] = "2026-01-05" }, "Save", "#post-form");
        var page = await ManagerSession.ParseAsync(refused);
        Assert.That(page.QuerySelector("[data-valmsg-for=ReviewedById]")?.TextContent, Does.Contain("Choose who reviewed the post"));
        Assert.That((await StoredAsync(id)).LastReviewed, Is.Null);
    }

    [Test]
    public async Task An_authors_save_keeps_the_stored_review_and_featured_flag_whatever_the_form_sends()
    {
        var (_, email) = await CreateUserAsync(Roles.Author);
        using var author = await ManagerSession.SignedInAsync(Cms, email, Password);
        var created = await author.SubmitAsync("/manager/posts/new",
            new() { ["Title"] = "Self-reviewed " + Guid.NewGuid().ToString("N")[..6], ["Body"] = "x", ["ReviewedById"] = (await AuthorIdAsync("maya-okafor")).ToString(), ["LastReviewed"] = "2026-01-05", ["Featured"] = "true" },
            "Save", "#post-form");
        var id = int.Parse(created.Headers.Location!.ToString().Split('/').Last());
        Assert.That(await StoredAsync(id), Is.EqualTo(((int?)null, (DateOnly?)null, false)), "an Author cannot vouch for their own post");

        // An editor reviews the Author's draft; the Author's next saves and autosaves keep that review.
        var reviewer = await AuthorIdAsync("tom-reddy");
        await Admin.SubmitAsync($"/manager/posts/{id}", new() { ["ReviewedById"] = reviewer.ToString(), ["LastReviewed"] = "2026-02-01", ["Featured"] = "true" }, "Save", "#post-form");
        var reviewed = ((int?)reviewer, (DateOnly?)new DateOnly(2026, 2, 1), true);
        Assert.That(await StoredAsync(id), Is.EqualTo(reviewed));

        var editor = await author.PageAsync($"/manager/posts/{id}");
        Assert.That(editor.QuerySelector("select[name=ReviewedById]"), Is.Null, "nothing to choose");
        Assert.That(editor.QuerySelector("#review-state")!.TextContent, Does.Contain("Reviewed by Tom Reddy, 1 February 2026"));

        await author.SubmitAsync($"/manager/posts/{id}", new() { ["ReviewedById"] = "", ["LastReviewed"] = "", ["Featured"] = "false" }, "Save", "#post-form");
        Assert.That(await StoredAsync(id), Is.EqualTo(reviewed), "saving");
        var autosaved = await author.SubmitAsync($"/manager/posts/{id}", new() { ["ReviewedById"] = "", ["Body"] = "y" }, "Autosave", "#post-form");
        Assert.That(autosaved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StoredAsync(id), Is.EqualTo(reviewed), "autosaving");
    }

    [Test]
    public async Task Credentials_are_edited_on_the_profile_and_reach_the_authors_api()
    {
        var (_, email) = await CreateUserAsync(Roles.Editor);
        using var editor = await ManagerSession.SignedInAsync(Cms, email, Password);
        var name = "Cleo Cred " + Guid.NewGuid().ToString("N")[..4];

        var saved = await editor.SubmitAsync("/manager/account/profile", new() { ["DisplayName"] = name, ["Credentials"] = "  MCSP, chartered physiotherapist " });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var tooLong = await editor.SubmitAsync("/manager/account/profile", new() { ["Credentials"] = new string('x', AuthorProfiles.CredentialsMax + 1) });
        Assert.That((await ManagerSession.ParseAsync(tooLong)).QuerySelector("[data-valmsg-for=Credentials]")?.TextContent, Does.Contain("one short line"));

        async Task<JsonElement[]> ListedAsync()
        {
            using var authors = JsonDocument.Parse(await Cms.Client(Cms.ContentKey).GetStringAsync("api/v1/authors"));
            return [.. authors.RootElement.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("name").GetString() == name).Select(a => a.Clone())];
        }
        Assert.That(await ListedAsync(), Is.Empty, "staff who neither wrote nor reviewed a published post are not public");

        // Reviewing a published post makes the profile public, credentials and all.
        await using (var scope = Cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var post = await db.Posts.SingleAsync(p => p.Slug == "shin-splints");
            post.ReviewedById = await db.Authors.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
            post.LastReviewed = new DateOnly(2026, 1, 5);
            await db.SaveChangesAsync();
        }
        var profile = (await ListedAsync()).Single();
        Assert.That(profile.GetProperty("credentials").GetString(), Is.EqualTo("MCSP, chartered physiotherapist"));
        Assert.That((await editor.PageAsync("/manager/account/profile")).QuerySelector("input[name=Credentials]")?.GetAttribute("value"),
            Is.EqualTo("MCSP, chartered physiotherapist"));
    }

    [Test]
    public async Task The_openapi_document_describes_the_new_fields()
    {
        using var json = JsonDocument.Parse(await Cms.Client().GetStringAsync("openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        var post = schemas.GetProperty("PostDto").GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(post.GetProperty("featured").GetProperty("type").GetString(), Is.EqualTo("boolean"));
            Assert.That(post.GetProperty("lastReviewed").GetProperty("format").GetString(), Is.EqualTo("date"));
            Assert.That(post.GetProperty("reviewedBy").ToString(), Does.Contain("AuthorRefDto"));
            Assert.That(schemas.GetProperty("AuthorRefDto").GetProperty("properties").TryGetProperty("credentials", out _), Is.True);
            Assert.That(schemas.GetProperty("AuthorDto").GetProperty("properties").TryGetProperty("credentials", out _), Is.True);
        });
    }

    private async Task<(int Id, string Slug)> StarterPostAsync(string slug)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        return (id, slug);
    }

    private async Task<int> AuthorIdAsync(string slug)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Authors.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
    }

    private async Task<(int? ReviewedById, DateOnly? LastReviewed, bool Featured)> StoredAsync(int id)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        var post = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.AsNoTracking().SingleAsync(p => p.Id == id);
        return (post.ReviewedById, post.LastReviewed, post.Featured);
    }

    private async Task<string> CursorAsync()
    {
        using var json = JsonDocument.Parse(await Cms.Client(Cms.ContentKey).GetStringAsync("api/v1/changes"));
        return json.RootElement.GetProperty("cursor").GetString()!;
    }

    private async Task<List<string>> ChangedSinceAsync(string cursor)
    {
        using var json = JsonDocument.Parse(await Cms.Client(Cms.ContentKey).GetStringAsync("api/v1/changes?since=" + cursor));
        return json.RootElement.GetProperty("changed").EnumerateArray().Select(s => s.GetString()!).ToList();
    }

    private async Task<(string UserId, string Email)> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = Cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, role);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().FindByEmailAsync(email);
        return (user!.Id, email);
    }
}
