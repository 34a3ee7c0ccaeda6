using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>Users linked to author profiles: an Author's posts carry their own byline and only theirs; editors choose any.</summary>
public class BylineTests : SignedInAdminTests
{
    private const string Password = "granite-willow-ferry-nine";

    [Test]
    public async Task The_admin_links_a_user_to_an_author_profile_on_the_edit_user_page()
    {
        var (userId, _) = await CreateUserAsync(Roles.Author);
        var first = await CreateProfileAsync("Linda Linked");
        var second = await CreateProfileAsync("Lars Later");

        var linked = await Admin.SubmitAsync($"/manager/users/{userId}", new() { ["AuthorId"] = first.ToString() }, "Author", "form[action*='handler=Author']");
        Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await ProfileOfAsync(userId), Is.EqualTo(first));
        var page = await Admin.PageAsync($"/manager/users/{userId}");
        Assert.That(page.QuerySelector("select[name=AuthorId] option[selected]")?.TextContent, Is.EqualTo("Linda Linked"));

        await Admin.SubmitAsync($"/manager/users/{userId}", new() { ["AuthorId"] = second.ToString() }, "Author", "form[action*='handler=Author']");
        Assert.That(await ProfileOfAsync(userId), Is.EqualTo(second), "a user has one profile: the old link is let go");
        await using var scope = Cms.Services.CreateAsyncScope();
        Assert.That((await scope.ServiceProvider.GetRequiredService<CadenceDb>().Authors.SingleAsync(a => a.Id == first)).UserId, Is.Null);
    }

    [Test]
    public async Task A_linked_authors_new_post_carries_their_byline_and_the_editor_shows_it_as_text()
    {
        var (userId, author) = await SignedInAuthorAsync();
        using var signedIn = author;
        var own = await CreateProfileAsync("Ada Own");
        await LinkAsync(userId, own);

        var editor = await author.PageAsync("/manager/posts/new");
        Assert.That(editor.QuerySelector("select[name=AuthorId]"), Is.Null, "an Author has no byline to choose");
        Assert.That(editor.QuerySelector("#byline")!.TextContent, Does.Contain("Ada Own"));

        var id = await CreatePostAsync(author, new() { ["Title"] = "Own byline " + Guid.NewGuid().ToString("N")[..6], ["Body"] = "x" });
        Assert.That(await BylineOfAsync(id), Is.EqualTo(own));
    }

    [Test]
    public async Task An_author_who_sends_another_byline_keeps_their_own()
    {
        var (userId, author) = await SignedInAuthorAsync();
        using var signedIn = author;
        var own = await CreateProfileAsync("Bea Own");
        var someoneElse = await CreateProfileAsync("Cal Someone");
        await LinkAsync(userId, own);

        var id = await CreatePostAsync(author, new() { ["Title"] = "Forged byline " + Guid.NewGuid().ToString("N")[..6], ["Body"] = "x", ["AuthorId"] = someoneElse.ToString() });
        Assert.That(await BylineOfAsync(id), Is.EqualTo(own));

        await author.SubmitAsync($"/manager/posts/{id}", new() { ["AuthorId"] = someoneElse.ToString() }, "Save", "#post-form");
        Assert.That(await BylineOfAsync(id), Is.EqualTo(own), "saving again");
        var autosaved = await author.SubmitAsync($"/manager/posts/{id}", new() { ["AuthorId"] = someoneElse.ToString(), ["Body"] = "y" }, "Autosave", "#post-form");
        Assert.That(autosaved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await BylineOfAsync(id), Is.EqualTo(own), "autosaving");
    }

    [Test]
    public async Task An_editor_chooses_any_byline()
    {
        var (_, editor) = await SignedInAsAsync(Roles.Editor);
        using var signedIn = editor;
        var chosen = await CreateProfileAsync("Dora Chosen");
        var id = await CreatePostAsync(editor, new() { ["Title"] = "Chosen byline " + Guid.NewGuid().ToString("N")[..6], ["Body"] = "x", ["AuthorId"] = chosen.ToString() });
        Assert.That(await BylineOfAsync(id), Is.EqualTo(chosen));

        var other = await CreateProfileAsync("Eli Other");
        await editor.SubmitAsync($"/manager/posts/{id}", new() { ["AuthorId"] = other.ToString() }, "Save", "#post-form");
        Assert.That(await BylineOfAsync(id), Is.EqualTo(other));
        Assert.That((await editor.PageAsync($"/manager/posts/{id}")).QuerySelector("select[name=AuthorId]"), Is.Not.Null);
    }

    private static async Task<int> CreatePostAsync(ManagerSession session, Dictionary<string, string> fields)
    {
        var saved = await session.SubmitAsync("/manager/posts/new", fields, "Save", "#post-form");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return int.Parse(saved.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task LinkAsync(string userId, int authorId)
    {
        var linked = await Admin.SubmitAsync($"/manager/users/{userId}", new() { ["AuthorId"] = authorId.ToString() }, "Author", "form[action*='handler=Author']");
        Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    private Task<(string UserId, ManagerSession Session)> SignedInAuthorAsync() => SignedInAsAsync(Roles.Author);

    private async Task<(string UserId, ManagerSession Session)> SignedInAsAsync(string role)
    {
        var (userId, email) = await CreateUserAsync(role);
        return (userId, await ManagerSession.SignedInAsync(Cms, email, Password));
    }

    private async Task<(string UserId, string Email)> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = Cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, role);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().FindByEmailAsync(email);
        return (user!.Id, email);
    }

    private async Task<int> CreateProfileAsync(string name)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var author = new Author { Name = name, Slug = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}"[..(name.Length + 9)] };
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return author.Id;
    }

    private async Task<int?> ProfileOfAsync(string userId)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuthorProfiles>().ForUserAsync(userId))?.Id;
    }

    private async Task<int?> BylineOfAsync(int postId)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.Where(p => p.Id == postId).Select(p => p.AuthorId).SingleAsync();
    }
}
