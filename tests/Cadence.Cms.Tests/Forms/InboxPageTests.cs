using System.Net;
using System.Text;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Tests.Manager;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>The inbox, subscribers and outgoing-mail pages over HTTP: CSV export, role limits, what the detail page tells.</summary>
public class InboxPageTests : SignedInAdminTests
{
    private const string Password = "granite-willow-ferry-nine";

    protected override IDictionary<string, string?>? Settings => TestSettings();

    [Test]
    public async Task Csv_export_of_one_form_is_utf8_with_neutralised_formula_cells_and_only_that_form()
    {
        var email = Unique("csvhttp");
        (await FetchAsync(Cms, "contact-therapist", Contact(email, "=SUM(A1:A9)"))).Dispose();
        (await FetchAsync(Cms, "newsletter", new Dictionary<string, object?> { ["email"] = email, ["consent"] = "true" })).Dispose();

        var list = await Admin.PageAsync($"/manager/inbox?form=contact-therapist&email={Uri.EscapeDataString(email)}");
        var link = list.QuerySelectorAll("a").First(a => a.TextContent.Contains("Download these as CSV")).GetAttribute("href")!;
        using var response = await Admin.GetAsync(link);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            Does.Contain("submissions-contact-therapist-inbox.csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "a BOM, so spreadsheets read UTF-8");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.That(lines[0], Does.StartWith("id,received_at,form,folder,read,name,email"));
        Assert.That(lines, Has.Count.EqualTo(2), "the header and the one contact submission; the newsletter sign-up is another form");
        Assert.That(lines[1], Does.Contain(",'=SUM(A1:A9)"));
        Assert.That(lines[1], Does.Contain(email));
    }

    [Test]
    public async Task An_author_is_denied_every_inbox_mail_and_webhook_page_and_an_editor_may_open_them()
    {
        var email = Unique("roles");
        (await FetchAsync(Cms, "contact-therapist", Contact(email))).Dispose();
        var id = (await SubmissionsAsync(Cms, email)).Single().Id;
        string[] pages = ["/manager/inbox", $"/manager/inbox/{id}", "/manager/inbox?handler=csv", "/manager/inbox/erase",
            "/manager/inbox/subscribers", "/manager/mail", "/manager/webhooks"];

        using var author = await SignedInAsAsync(Roles.Author);
        foreach (var page in pages)
        {
            using var response = await author.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), page);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/manager/account/denied"), page);
        }
        var nav = await author.PageAsync("/manager");
        Assert.That(nav.QuerySelector("nav a[href='/manager/inbox']"), Is.Null, "no Inbox entry for authors");
        Assert.That((await SubmissionsAsync(Cms, email)).Single().IsRead, Is.False, "the author's attempt did not mark it read");

        using var anonymous = new ManagerSession(Cms);
        using (var response = await anonymous.GetAsync("/manager/inbox?handler=csv"))
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/manager/account/sign-in"));

        using var editor = await SignedInAsAsync(Roles.Editor);
        foreach (var page in pages)
        {
            using var response = await editor.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
        }
        var home = await editor.PageAsync("/manager");
        Assert.That(home.QuerySelector("nav a[href='/manager/inbox']"), Is.Not.Null);
    }

    [Test]
    public async Task The_detail_page_tells_the_notification_state_and_counts_ebook_downloads()
    {
        var email = Unique("ebook");
        using var answer = await FetchAsync(Cms, "knee-pain-ebook", new Dictionary<string, object?>
        {
            ["name"] = "Bea", ["email"] = email, ["consent"] = "true", ["_started"] = StartedLongAgo(),
        });
        var download = (await JsonAsync(answer)).GetProperty("download").GetString()!;
        var id = (await SubmissionsAsync(Cms, email)).Single().Id;

        var before = await Admin.PageAsync($"/manager/inbox/{id}");
        Assert.That(before.QuerySelector("#download-state")!.TextContent, Does.Contain("Not downloaded yet").And.Contain("works until"));

        using (var client = new HttpClient())
        {
            using var first = await client.GetAsync(download);
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            (await client.GetAsync(download)).Dispose();
        }
        await WaitForSentAsync(id);

        var after = await Admin.PageAsync($"/manager/inbox/{id}");
        Assert.That(after.QuerySelector("#download-state")!.TextContent, Does.Contain("Downloaded 2 times"));
        var mail = after.QuerySelector("#mail-state")!.TextContent;
        Assert.That(mail, Does.Contain("To clinic@stride-therapy.example: sent"));
        Assert.That(mail, Does.Contain("Your download from").And.Contain("sent"));
    }

    [Test]
    public async Task Subscribers_show_confirmation_time_and_address_and_pending_ones_separately()
    {
        var confirmed = Unique("conf");
        var pending = Unique("pend");
        foreach (var address in new[] { confirmed, pending })
            (await FetchAsync(Cms, "newsletter", new Dictionary<string, object?> { ["email"] = address, ["consent"] = "true" })).Dispose();
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CadenceDb>().Subscribers.Where(s => s.Email == confirmed).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SubscriberStatus.Confirmed).SetProperty(s => s.ConfirmedAt, DateTime.UtcNow).SetProperty(s => s.ConfirmedIp, "203.0.113.9"));

        var page = await Admin.PageAsync("/manager/inbox/subscribers?status=Confirmed");
        var rows = page.QuerySelectorAll("#subscribers tbody tr").Select(r => r.TextContent).ToList();
        Assert.That(rows.Any(r => r.Contains(confirmed) && r.Contains("203.0.113.9") && r.Contains("Confirmed")), Is.True);
        Assert.That(rows.Any(r => r.Contains(pending)), Is.False, "filtered to confirmed");
        var waiting = await Admin.PageAsync($"/manager/inbox/subscribers?status=Pending&email={Uri.EscapeDataString(pending)}");
        Assert.That(waiting.QuerySelector("#subscribers tbody tr")!.TextContent, Does.Contain("Pending"));
    }

    [Test]
    public async Task Bulk_buttons_mark_read_and_move_ticked_submissions_and_the_unread_count_follows()
    {
        var email = Unique("bulk");
        (await FetchAsync(Cms, "contact-therapist", Contact(email, "first"))).Dispose();
        (await FetchAsync(Cms, "contact-therapist", Contact(email, "second"))).Dispose();
        var ids = (await SubmissionsAsync(Cms, email)).Select(s => s.Id.ToString()).ToList();
        var list = $"/manager/inbox?email={Uri.EscapeDataString(email)}";

        var unreadBefore = await UnreadInNavAsync();
        using (var read = await BulkAsync(list, "read", ids))
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await SubmissionsAsync(Cms, email)).All(s => s.IsRead), Is.True);
        Assert.That(await UnreadInNavAsync(), Is.EqualTo(unreadBefore - 2));

        using (var spam = await BulkAsync(list, "spam", ids[..1]))
            Assert.That(spam.Headers.Location!.ToString(), Does.Contain("email="), "back to the same filtered list");
        var stored = await SubmissionsAsync(Cms, email);
        Assert.That(stored.Select(s => s.Folder), Is.EqualTo(new[] { SubmissionFolder.Spam, SubmissionFolder.Inbox }));
        var spamPage = await Admin.PageAsync($"/manager/inbox?folder=Spam&email={Uri.EscapeDataString(email)}");
        Assert.That(spamPage.QuerySelector("#submission-count")!.TextContent, Does.StartWith("1 submission"));
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var email = Unique("csrf");
        (await FetchAsync(Cms, "contact-therapist", Contact(email))).Dispose();
        var id = (await SubmissionsAsync(Cms, email)).Single().Id;
        using var response = await Admin.PostRawAsync($"/manager/inbox/{id}?handler=move&folder=Spam", new());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await SubmissionsAsync(Cms, email)).Single().Folder, Is.EqualTo(SubmissionFolder.Inbox));
    }

    private async Task<HttpResponseMessage> BulkAsync(string list, string action, IEnumerable<string> ids)
    {
        var page = await Admin.PageAsync(list);
        var form = page.QuerySelector("form[action*='handler=bulk']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ids.Select(id => new KeyValuePair<string, string>("Selected", id))
            .Append(new("action", action)).Append(new("__RequestVerificationToken", token)).ToList();
        // The action carries the list's filters, so the answer can lead back to the same list.
        return await Admin.PostPairsAsync(form.GetAttribute("action")!, fields);
    }

    private async Task<int> UnreadInNavAsync()
    {
        var page = await Admin.PageAsync("/manager");
        var count = page.QuerySelector("#unread-count");
        return count is null ? 0 : int.Parse(new string(count.TextContent.Where(char.IsDigit).ToArray()));
    }

    private async Task WaitForSentAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Cms.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var unsent = await db.Submissions.Where(s => s.Id == id)
                .Select(s => (s.NotificationMail!.SentAt == null ? 1 : 0) + (s.ReaderMail!.SentAt == null ? 1 : 0)).SingleAsync();
            if (unsent == 0) return;
            await Task.Delay(100);
        }
        Assert.Fail("The submission's mails were not sent within 20 s.");
    }

    private async Task<ManagerSession> SignedInAsAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, role);
        return await ManagerSession.SignedInAsync(Cms, email, Password);
    }
}
