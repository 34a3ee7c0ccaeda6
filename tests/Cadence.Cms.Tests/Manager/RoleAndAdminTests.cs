using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

public class RoleAndAdminTests : SignedInAdminTests
{
    private const string Password = "granite-willow-ferry-nine";

    [Test]
    public async Task An_author_cannot_open_settings_or_users_or_publish()
    {
        using var author = await SignedInAsAsync(Roles.Author);
        foreach (var page in new[] { "/manager/settings", "/manager/settings/keys", "/manager/users", "/manager/review", "/manager/taxonomy" })
        {
            var response = await author.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), page);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/manager/account/denied"), page);
        }

        var editor = await author.PageAsync("/manager/posts/new");
        Assert.That(editor.QuerySelector("button[formaction*=Publish]"), Is.Null, "no publish button for authors");
        var forced = await author.SubmitAsync("/manager/posts/new", new() { ["Title"] = "Sneaky", ["Body"] = "x" }, "Publish", "#post-form");
        Assert.That(forced.Headers.Location?.ToString() ?? forced.StatusCode.ToString(), Does.Contain("denied").Or.EqualTo("Forbidden"));
        Assert.That(await PostCountAsync("Sneaky"), Is.Zero);
    }

    [Test]
    public async Task An_author_edits_only_their_own_drafts_and_sends_them_for_review()
    {
        using var author = await SignedInAsAsync(Roles.Author);
        var title = "Author draft " + Guid.NewGuid().ToString("N")[..6];
        var sent = await author.SubmitAsync("/manager/posts/new", new() { ["Title"] = title, ["Body"] = "Please check." }, "Submit", "#post-form");
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = int.Parse(sent.Headers.Location!.ToString().Split('/').Last());

        var queue = await Admin.PageAsync("/manager/review");
        Assert.That(queue.QuerySelector($"a[href='/manager/posts/{id}']")!.TextContent, Is.EqualTo(title));

        int someoneElses;
        await using (var scope = Cms.Services.CreateAsyncScope())
            someoneElses = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.Where(p => p.OwnerId == null).Select(p => p.Id).FirstAsync();
        var other = await author.GetAsync($"/manager/posts/{someoneElses}");
        Assert.That(other.Headers.Location!.ToString(), Does.Contain("/manager/account/denied"));
        var list = await author.PageAsync("/manager/posts");
        Assert.That(list.QuerySelectorAll("table.list tbody tr"), Has.Length.EqualTo(1));

        var published = await Admin.SubmitAsync($"/manager/posts/{id}", [], "Publish", "#post-form");
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await author.GetAsync($"/manager/posts/{id}")).Headers.Location!.ToString(), Does.Contain("denied"),
            "a published post is no longer the author's to change");
    }

    [Test]
    public async Task A_media_file_in_use_cannot_be_deleted()
    {
        int id;
        await using (var scope = Cms.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Media.Where(m => m.FileName == "shin-splints.png").Select(m => m.Id).SingleAsync();
        var page = await Admin.PageAsync($"/manager/media/{id}");
        Assert.That(page.QuerySelector("form[action*=Delete]"), Is.Null);
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Contain("can't be deleted while it is used by"));
        var forced = await Admin.PostWithTokenAsync($"/manager/media/{id}", $"/manager/media/{id}?handler=Delete", []);
        Assert.That(forced.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var alt = await Admin.SubmitAsync($"/manager/media/{id}", new() { ["Alt"] = "Shins of a runner" }, formSelector: "form[action*=Alt]");
        Assert.That(alt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await using var check = Cms.Services.CreateAsyncScope();
        Assert.That((await check.ServiceProvider.GetRequiredService<CadenceDb>().Media.SingleAsync(m => m.Id == id)).Alt, Is.EqualTo("Shins of a runner"));
    }

    [Test]
    public async Task Settings_refuse_an_unknown_time_zone_and_save_links()
    {
        var bad = await Admin.SubmitAsync("/manager/settings", new() { ["TimeZone"] = "Mars/Olympus" });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ManagerSession.ParseAsync(bad)).QuerySelector("[data-valmsg-for=TimeZone]")!.TextContent, Does.Contain("unknown"));

        foreach (var unsafeLink in new[] { "Away | //elsewhere.example/", "Run | javascript:alert(1)", "Back | /\\elsewhere.example" })
        {
            var refused = await Admin.SubmitAsync("/manager/settings", new() { ["TimeZone"] = "Europe/London", ["Navigation"] = "Home | /\n" + unsafeLink });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK), unsafeLink);
            Assert.That((await ManagerSession.ParseAsync(refused)).QuerySelector("[data-valmsg-for=Navigation]")?.TextContent, Does.Contain("Line 2"), unsafeLink);
        }

        var good = await Admin.SubmitAsync("/manager/settings", new() { ["TimeZone"] = "Europe/London", ["Navigation"] = "Home | /\nBook | https://clinic.test/book\nCall | tel:+441234567890" });
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await using var scope = Cms.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Settings.SingleAsync();
        Assert.That(settings.TimeZone, Is.EqualTo("Europe/London"));
        Assert.That(settings.Navigation.Select(l => l.Label), Is.EqualTo(new[] { "Home", "Book", "Call" }));
    }

    [Test]
    public async Task A_new_api_key_is_shown_once_and_works_until_revoked()
    {
        var made = await Admin.SubmitAsync("/manager/settings/keys", new() { ["Name"] = "Build server", ["Kind"] = "Content" }, formSelector: "form[action*=Create]");
        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var secret = (await Admin.PageAsync("/manager/settings/keys")).QuerySelector("#new-secret")!.TextContent;
        Assert.That((await Admin.PageAsync("/manager/settings/keys")).QuerySelector("#new-secret"), Is.Null, "shown once");

        using var api = Cms.Client(secret);
        Assert.That((await api.GetAsync("api/v1/posts")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var keys = await Admin.PageAsync("/manager/settings/keys");
        var revoke = keys.QuerySelectorAll("tr").First(r => r.TextContent.Contains("Build server")).QuerySelector("form")!.GetAttribute("action")!;
        await Admin.PostWithTokenAsync("/manager/settings/keys", revoke, []);
        await Task.Delay(TimeSpan.FromSeconds(6)); // the key cache holds a key for five seconds
        Assert.That((await api.GetAsync("api/v1/posts")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Inviting_a_user_mails_a_link_and_sets_the_role()
    {
        var email = $"invitee-{Guid.NewGuid():N}@clinic.test";
        var invited = await Admin.SubmitAsync("/manager/users", new() { ["Email"] = email, ["DisplayName"] = "Nia", ["Role"] = Roles.Editor, ["Invite"] = "true" });
        Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var mail = (await OutboxReader.MessagesToAsync(Cms, email)).Single();
        Assert.That(mail.TextBody, Does.Contain("/manager/account/reset-password?email="));
        var users = await Admin.PageAsync("/manager/users");
        Assert.That(users.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(email)).TextContent, Does.Contain(Roles.Editor));
    }

    [Test]
    public async Task Tags_merge_and_posts_follow()
    {
        var id = await PublishWithTagsAsync("Merge tags " + Guid.NewGuid().ToString("N")[..6], "Calves, Calf");
        await using var scope = Cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var calves = await db.Tags.SingleAsync(t => t.Slug == "calves");
        var calf = await db.Tags.SingleAsync(t => t.Slug == "calf");
        var merged = await Admin.PostWithTokenAsync("/manager/taxonomy", "/manager/taxonomy?handler=Merge",
            new() { ["kind"] = "Tag", ["id"] = calf.Id.ToString(), ["into"] = calves.Id.ToString() });
        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var tags = await db.Posts.AsNoTracking().Where(p => p.Id == id).SelectMany(p => p.Tags.Select(t => t.Slug)).ToListAsync();
        Assert.That(tags, Is.EqualTo(new[] { "calves" }));
        Assert.That(await db.Tags.AnyAsync(t => t.Slug == "calf"), Is.False);
    }

    private async Task<int> PublishWithTagsAsync(string title, string tags)
    {
        var response = await Admin.SubmitAsync("/manager/posts/new", new() { ["Title"] = title, ["Body"] = "x", ["Tags"] = tags }, "Publish", "#post-form");
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<ManagerSession> SignedInAsAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, role);
        return await ManagerSession.SignedInAsync(Cms, email, Password);
    }

    private async Task<int> PostCountAsync(string title)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.CountAsync(p => p.Title == title);
    }
}
