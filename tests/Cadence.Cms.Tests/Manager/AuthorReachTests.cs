using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>Crafted manager posts from an Author reach only what is theirs: their drafts, their byline, their profile.</summary>
public class AuthorReachTests : SignedInAdminTests
{
    private const string Password = "granite-willow-ferry-nine";

    [Test]
    public async Task An_author_restores_a_post_an_editor_trashed_as_a_draft_that_stays_off_the_site()
    {
        using var author = await SignedInAuthorAsync();
        var id = await CreatePostAsync(author, "Trashed live " + Guid.NewGuid().ToString("N")[..6]);
        Assert.That((await Admin.SubmitAsync($"/manager/posts/{id}", [], "Publish", "#post-form")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await Admin.SubmitAsync($"/manager/posts/{id}", [], "Trash", "#post-form")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var restored = await author.SubmitAsync("/manager/posts/trash", [], formSelector: $"form[action*='postId={id}']");
        Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var post = await PostAsync(id);
        Assert.That(post.DeletedAt, Is.Null, "out of the trash");
        Assert.That(post.Status, Is.EqualTo(PostStatus.Draft), "an Author's restore never puts a post back on the site");
        Assert.That((await author.GetAsync($"/manager/posts/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the draft is the author's to edit again");

        Assert.That((await Admin.SubmitAsync($"/manager/posts/{id}", [], "Publish", "#post-form")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await Admin.SubmitAsync($"/manager/posts/{id}", [], "Trash", "#post-form")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await Admin.SubmitAsync("/manager/posts/trash", [], formSelector: $"form[action*='postId={id}']");
        Assert.That((await PostAsync(id)).Status, Is.EqualTo(PostStatus.Published), "an Editor's restore brings it back as it was");
    }

    [Test]
    public async Task An_author_without_a_profile_who_sends_a_byline_gets_none()
    {
        using var author = await SignedInAuthorAsync();
        int someoneElse;
        await using (var scope = Cms.Services.CreateAsyncScope())
            someoneElse = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Authors.Select(a => a.Id).FirstAsync();

        var id = await CreatePostAsync(author, "No byline " + Guid.NewGuid().ToString("N")[..6], new() { ["AuthorId"] = someoneElse.ToString() });
        Assert.That((await PostAsync(id)).AuthorId, Is.Null);
    }

    [Test]
    public async Task An_author_cannot_change_an_images_description()
    {
        using var author = await SignedInAuthorAsync();
        int id;
        string? before;
        await using (var scope = Cms.Services.CreateAsyncScope())
        {
            var file = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Media.FirstAsync(m => m.ContentType.StartsWith("image/"));
            (id, before) = (file.Id, file.Alt);
        }
        var page = await author.PageAsync($"/manager/media/{id}");
        Assert.That(page.QuerySelector("form[action*=Alt]"), Is.Null, "no description form for an Author");

        var forced = await author.PostWithTokenAsync($"/manager/media/{id}", $"/manager/media/{id}?handler=Alt", new() { ["Alt"] = "Defaced" });
        Assert.That(forced.Headers.Location?.ToString(), Does.Contain("/manager/account/denied"));
        await using var check = Cms.Services.CreateAsyncScope();
        Assert.That((await check.ServiceProvider.GetRequiredService<CadenceDb>().Media.SingleAsync(m => m.Id == id)).Alt, Is.EqualTo(before));
    }

    [Test]
    public async Task A_profile_picture_must_be_a_public_image_from_the_library()
    {
        using var author = await SignedInAuthorAsync();
        foreach (var address in new[] { "https://tracker.example/pixel.gif", "javascript:alert(1)", "/assets/knee-pain-ebook.pdf" })
        {
            var refused = await author.SubmitAsync("/manager/account/profile", new() { ["DisplayName"] = "Pat Picture", ["Avatar"] = address });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK), address);
            Assert.That(await ManagerSession.ParseAsync(refused) is var page && page.QuerySelector("[data-valmsg-for=Avatar]")!.TextContent.Contains("media library"), address);
        }
        await using var scope = Cms.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<CadenceDb>().Authors.AnyAsync(a => a.Name == "Pat Picture"), Is.False, "nothing saved");
    }

    private static async Task<int> CreatePostAsync(ManagerSession session, string title, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Body"] = "Words." };
        foreach (var (key, value) in extra ?? []) fields[key] = value;
        var saved = await session.SubmitAsync("/manager/posts/new", fields, "Save", "#post-form");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return int.Parse(saved.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<Post> PostAsync(int id)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<ManagerSession> SignedInAuthorAsync()
    {
        var email = $"author-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Author, Password, Roles.Author);
        return await ManagerSession.SignedInAsync(Cms, email, Password);
    }
}
