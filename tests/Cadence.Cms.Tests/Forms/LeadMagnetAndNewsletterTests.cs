using System.Net;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>The ebook behind a signed, expiring link, and the newsletter's double opt-in and one-click unsubscribe.</summary>
public class LeadMagnetAndNewsletterTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(TestSettings());

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    private static Dictionary<string, object?> Ebook(string email) => new()
    {
        ["name"] = "Ada", ["email"] = email, ["consent"] = "true", ["website"] = "", ["_started"] = StartedLongAgo(),
    };

    [Test]
    public async Task The_ebook_form_answers_with_a_download_link_that_serves_the_private_pdf_and_mails_it()
    {
        var email = Unique("ebook");
        using var response = await FetchAsync(_cms, "knee-pain-ebook", Ebook(email));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var download = (await JsonAsync(response)).GetProperty("download").GetString()!;
        Assert.That(download, Does.StartWith(_cms.BaseUrl + "/downloads/"));

        using var file = await NoRedirects().GetAsync(download);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(file.Headers.CacheControl?.NoStore, Is.True);
        var expected = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Content, "assets", "knee-pain-ebook.pdf"));
        Assert.That(await file.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected));

        var mail = await PickedUpAsync(_cms.DataPath, m => m.To.Mailboxes.Any(t => t.Address == email));
        Assert.That(mail.TextBody, Does.Contain(download));

        using var privateMedia = await NoRedirects().GetAsync($"{_cms.BaseUrl}/media/knee-pain-ebook.pdf");
        Assert.That(privateMedia.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the ebook is not public media");
    }

    [Test]
    public async Task Without_script_the_ebook_form_answers_with_the_clinics_page_carrying_the_link()
    {
        using var response = await PlainPostAsync(_cms, "knee-pain-ebook", UrlEncoded(Ebook(Unique("ebook-plain"))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirect: the link is on this page");
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<h1>Your download is ready</h1>"));
        Assert.That(html, Does.Contain("Stride Sports Therapy"), "the clinic's name");
        Assert.That(html, Does.Contain($"href=\"{ReaderPage.StylesheetPath}\""));
        var link = System.Text.RegularExpressions.Regex.Match(html, "<a class=\"action\" href=\"([^\"]+)\">Download now \\(PDF\\)</a>");
        Assert.That(link.Success, Is.True, html);
        var download = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.That(download, Does.StartWith(_cms.BaseUrl + "/downloads/"));
        using var file = await NoRedirects().GetAsync(download);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));

        using var style = await NoRedirects().GetAsync(_cms.BaseUrl + ReaderPage.StylesheetPath);
        Assert.That(style.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
    }

    [Test]
    public async Task An_expired_link_is_410_and_a_tampered_one_404_both_readable_pages()
    {
        var tokens = _cms.Services.GetRequiredService<SignedTokens>();
        var expired = tokens.Create(TokenPurposes.Download, "knee-pain-ebook.pdf", TimeSpan.FromSeconds(-1));
        using var gone = await NoRedirects().GetAsync($"{_cms.BaseUrl}/downloads/{expired}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await gone.Content.ReadAsStringAsync(), Does.Contain("expired"));

        var valid = tokens.Create(TokenPurposes.Download, "knee-pain-ebook.pdf", TimeSpan.FromDays(7));
        var tampered = valid[..^3] + (valid[^3] == 'A' ? 'B' : 'A') + valid[^2..];
        using var notFound = await NoRedirects().GetAsync($"{_cms.BaseUrl}/downloads/{tampered}");
        Assert.That(notFound.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(notFound.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));

        var otherPurpose = tokens.Create(TokenPurposes.Unsubscribe, "knee-pain-ebook.pdf");
        using var wrongKind = await NoRedirects().GetAsync($"{_cms.BaseUrl}/downloads/{otherPurpose}");
        Assert.That(wrongKind.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Newsletter_sign_up_is_confirmed_only_by_the_posted_button_and_one_click_unsubscribes()
    {
        var email = Unique("news");
        using var response = await FetchAsync(_cms, "newsletter", new Dictionary<string, object?> { ["email"] = email, ["first_name"] = "Ada", ["consent"] = true });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Subscriber(email))!.Status, Is.EqualTo(SubscriberStatus.Pending));

        var mail = await PickedUpAsync(_cms.DataPath, m => m.To.Mailboxes.Any(t => t.Address == email) && (m.Subject ?? "").StartsWith("Confirm"));
        Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        var unsubscribe = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        var confirm = (mail.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(_cms.BaseUrl + "/newsletter/confirm/"));

        using var client = NoRedirects();
        using var page = await client.GetAsync(confirm);
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<form method=\"post\">"));
        Assert.That((await Subscriber(email))!.Status, Is.EqualTo(SubscriberStatus.Pending), "a GET (a mail scanner) confirms nothing");

        using var confirmed = await client.PostAsync(confirm, null);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var subscriber = (await Subscriber(email))!;
        Assert.That(subscriber.Status, Is.EqualTo(SubscriberStatus.Confirmed));
        Assert.That(subscriber.ConfirmedAt, Is.Not.Null);
        Assert.That(subscriber.ConfirmedIp, Is.EqualTo("127.0.0.1"));

        using var unsubscribePage = await client.GetAsync(unsubscribe);
        Assert.That((await Subscriber(email))!.Status, Is.EqualTo(SubscriberStatus.Confirmed), "a GET unsubscribes nobody");
        using var oneClick = await client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.That(oneClick.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Subscriber(email))!.Status, Is.EqualTo(SubscriberStatus.Unsubscribed));
    }

    private async Task<Subscriber?> Subscriber(string email)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == email);
    }
}
