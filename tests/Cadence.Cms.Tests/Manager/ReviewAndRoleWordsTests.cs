using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>What each role is told: review requests, who wrote a post, who accepted an invitation, what the dashboard counts.</summary>
public class ReviewAndRoleWordsTests : SignedInAdminTests
{
    private const string Password = "granite-willow-ferry-nine";

    [Test]
    public async Task An_authors_review_request_mails_every_editor_names_the_author_and_shows_on_the_dashboard()
    {
        var editorEmail = await NewPersonAsync(Roles.Editor, "Eda Editor");
        var authorEmail = await NewPersonAsync(Roles.Author, "Ana Author");
        using var author = await ManagerSession.SignedInAsync(Cms, authorEmail, Password);
        var title = "Ankle drills " + Guid.NewGuid().ToString("N")[..6];

        var sent = await author.SubmitAsync("/manager/posts/new", new() { ["Title"] = title, ["Body"] = "Please check." }, "Submit", "#post-form");
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        foreach (var editor in new[] { editorEmail, CmsServer.AdminEmail })
        {
            var mail = (await OutboxReader.MessagesToAsync(Cms, editor)).SingleOrDefault(m => m.Subject?.Contains(title) == true);
            Assert.That(mail, Is.Not.Null, $"a review request mailed to {editor}");
            Assert.That(mail!.Subject, Does.StartWith("Ana Author sent a post for review"));
            Assert.That(mail.TextBody, Does.Contain("/manager/review"));
        }
        Assert.That((await OutboxReader.MessagesToAsync(Cms, authorEmail)).Where(m => m.Subject?.Contains(title) == true), Is.Empty, "the author is not told of their own request");

        var waiting = await CountAsync(p => p.DeletedAt == null && p.Status == PostStatus.Draft && p.ReviewRequestedAt != null);
        var dashboard = await Admin.PageAsync("/manager");
        var notice = dashboard.QuerySelector("#review-waiting a")!;
        Assert.That(notice.TextContent, Is.EqualTo(waiting == 1 ? "1 post waits for your review" : $"{waiting} posts wait for your review"));
        Assert.That(notice.GetAttribute("href"), Is.EqualTo("/manager/review"));

        var queue = await Admin.PageAsync("/manager/review");
        var row = queue.QuerySelectorAll("main li").Single(li => li.TextContent.Contains(title));
        Assert.That(row.TextContent, Does.Contain($"{title} by Ana Author, sent"));
        Assert.That(queue.QuerySelector("main")!.TextContent, Does.Not.Contain("unknown author"));
    }

    [Test]
    public async Task An_authors_dashboard_counts_only_their_own_posts_an_editors_counts_all()
    {
        var authorEmail = await NewPersonAsync(Roles.Author, "Tom Author");
        using var author = await ManagerSession.SignedInAsync(Cms, authorEmail, Password);
        var saved = await author.SubmitAsync("/manager/posts/new", new() { ["Title"] = "Own draft " + Guid.NewGuid().ToString("N")[..6], ["Body"] = "Mine." }, "Save", "#post-form");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        Assert.That(Counts(await author.PageAsync("/manager")), Is.EqualTo(new[] { 1, 0, 0, 0 }), "drafts, scheduled, published, sent for review");
        var drafts = await CountAsync(p => p.Kind == PostKind.Post && p.DeletedAt == null && p.Status == PostStatus.Draft);
        var published = await CountAsync(p => p.Kind == PostKind.Post && p.DeletedAt == null && p.Status == PostStatus.Published);
        var editor = Counts(await Admin.PageAsync("/manager"));
        Assert.That((editor[0], editor[2]), Is.EqualTo((drafts, published)));
        Assert.That(published, Is.GreaterThan(0), "the starter content has published posts the author must not count");
    }

    [Test]
    public async Task An_invited_person_shows_Invited_until_they_choose_a_password()
    {
        var email = $"invitee-{Guid.NewGuid():N}@clinic.test";
        var added = await Admin.SubmitAsync("/manager/users", new() { ["Email"] = email, ["DisplayName"] = "Ivy Invitee", ["Role"] = Roles.Author, ["Invite"] = "true" }, formSelector: "main form");
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await StateOfAsync(email), Is.EqualTo("Invited"));

        string token;
        await using (var scope = Cms.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
        }
        using var invitee = new ManagerSession(Cms);
        var accepted = await invitee.SubmitAsync($"/manager/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}",
            new() { ["Password"] = Password });
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await StateOfAsync(email), Is.EqualTo("Active"));
    }

    [Test]
    public async Task Technical_views_live_under_Settings_Developer_not_in_the_navigation()
    {
        var dashboard = await Admin.PageAsync("/manager");
        var nav = dashboard.QuerySelectorAll("nav[aria-label=Manager] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.That(nav, Does.Contain("Settings").And.Not.Contain("Webhooks").And.Not.Contain("Mail"));
        Assert.That(dashboard.QuerySelector("main")!.TextContent, Does.Not.Contain("changes feed").And.Not.Contain("post.published"));

        var settings = await Admin.PageAsync("/manager/settings");
        Assert.That(settings.QuerySelector("main a[href='/manager/settings/developer']"), Is.Not.Null);
        var developer = await Admin.PageAsync("/manager/settings/developer");
        var links = developer.QuerySelectorAll("#developer-views a").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(links, Is.EquivalentTo(new[] { "/manager/webhooks", "/manager/mail", "/manager/settings/keys" }));
        Assert.That(developer.QuerySelector("#changes-feed")!.TextContent, Does.Contain("/api/v1/changes"));
    }

    private static int[] Counts(AngleSharp.Html.Dom.IHtmlDocument dashboard) =>
        dashboard.QuerySelectorAll("#post-counts strong").Select(s => int.Parse(s.TextContent)).ToArray();

    private async Task<string> StateOfAsync(string email)
    {
        var users = await Admin.PageAsync("/manager/users");
        var row = users.QuerySelectorAll("table.list tbody tr").Single(tr => tr.TextContent.Contains(email));
        return row.QuerySelectorAll("td")[^1].TextContent.Trim();
    }

    private async Task<string> NewPersonAsync(string role, string name)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = Cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, name);
        return email;
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Post, bool>> where)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.CountAsync(where);
    }
}
