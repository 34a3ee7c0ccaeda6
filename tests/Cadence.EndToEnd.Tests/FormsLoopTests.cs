using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The whole form loop in Chromium: the site, built over the real CMS's delivery API and served on one loopback
/// port, posts to the CMS on another. Each form is sent with script on (answer in place) and off (the page the
/// reader lands on says what happens next), lands in the inbox with its email in the pickup folder, and the
/// download and the newsletter confirmation are followed to the end.
/// </summary>
public class FormsLoopTests
{
    private CmsServer _cms = null!;
    private SiteCommand _site = null!;
    private string _siteUrl = "";
    private string _out = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Forms:MinimumFillSeconds"] = "1",
            ["Cadence:Mail:PollInterval"] = "00:00:00.200",
        });
        _out = Path.Combine(RepoPaths.NewTempFolder("forms-site"), "out");
        (_site, _siteUrl) = await SiteCommand.ServeAsync("--api", _cms.BaseUrl, "--key", _cms.ContentKey, "--out", _out);

        // The site runs on a free port rather than its configured 5080: point the CMS's notion of the site there.
        await using var scope = _cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CadenceDb>().Settings.ExecuteUpdateAsync(u => u.SetProperty(s => s.BaseUrl, _siteUrl));
        _cms.Services.GetRequiredService<FormsCatalog>().Invalidate();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_site is not null) await _site.DisposeAsync();
        if (_cms is not null) await _cms.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);
    }

    public static readonly object[] Forms =
    [
        new object[] { "knee-pain-ebook", "/posts/knee-pain-when-running/" },
        new object[] { "contact-therapist", "/posts/knee-pain-when-running/" },
        new object[] { "newsletter", "/posts/hip-strength-for-runners/" },
    ];

    [TestCaseSource(nameof(Forms))]
    public async Task With_script_the_form_answers_in_place_and_lands_in_the_inbox(string key, string path)
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_siteUrl + path);
        var email = $"js-{key}-{Guid.NewGuid():N}"[..24] + "@runner.test";
        await FillAsync(page, key, email);
        await page.WaitForTimeoutAsync(1200); // a person takes longer than the minimum fill time
        await page.Locator($"#form-{key} button[type=submit]").ClickAsync();

        var success = page.Locator($"#form-{key} .form-status .ok");
        await success.WaitForAsync(new() { Timeout = 15_000 });
        Assert.That(page.Url, Does.StartWith(_siteUrl + path), "no page change");
        Assert.That(await success.TextContentAsync(), Is.EqualTo(SuccessMessages[key]));
        if (key == "knee-pain-ebook")
        {
            var link = page.Locator($"#form-{key} .form-status a");
            Assert.That(await link.IsVisibleAsync(), Is.True, "the download link shows in place");
            await AssertDownloadsTheEbookAsync(await link.GetAttributeAsync("href"));
        }
        await ShootAsync(page, $"site-lead-{key}-script", $".cta:has(#form-{key})");
        await AssertLandedAsync(key, email);
    }

    [TestCaseSource(nameof(Forms))]
    public async Task Without_script_the_reader_lands_on_a_page_that_says_what_happens_next(string key, string path)
    {
        await using var browser = await Chromium.LaunchAsync(javaScriptEnabled: false);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_siteUrl + path);
        var email = $"nojs-{key}-{Guid.NewGuid():N}"[..26] + "@runner.test";
        await FillAsync(page, key, email);
        await page.Locator($"#form-{key} button[type=submit]").ClickAsync();

        if (key == "knee-pain-ebook")
        {
            // The CMS answers with the clinic's own page carrying the link: a static page could not read it.
            var link = page.GetByRole(AriaRole.Link, new() { Name = "Download now (PDF)" });
            await link.WaitForAsync(new() { Timeout = 30_000 });
            Assert.That(page.Url, Is.EqualTo($"{_cms.BaseUrl}/forms/{key}"));
            Assert.That(await page.Locator("h1").TextContentAsync(), Is.EqualTo("Your download is ready"));
            Assert.That(await page.Locator("header .brand").TextContentAsync(), Is.EqualTo("Stride Sports Therapy"));
            Assert.That(await page.GetByRole(AriaRole.Link, new() { Name = "Back to the website" }).GetAttributeAsync("href"), Does.StartWith(_siteUrl));
            await AssertDownloadsTheEbookAsync(await link.GetAttributeAsync("href"));
        }
        else
        {
            // The address is read rather than waited for with a load-state event, which a busy machine can let a
            // waiter miss; the heading below then waits for the thank-you page's content.
            var thanks = $"{_siteUrl}/thanks/{key}/";
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (page.Url != thanks && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.That(page.Url, Is.EqualTo(thanks), _site.Output);
            await page.Locator("h1").WaitForAsync();
            Assert.That(await page.Locator("main p").First.TextContentAsync(), Is.EqualTo(SuccessMessages[key]));
        }
        await ShootAsync(page, $"site-lead-{key}-noscript", null);
        await AssertLandedAsync(key, email);
        if (key == "newsletter") await ConfirmSubscriptionAsync(browser, email);
    }

    private static readonly Dictionary<string, string> SuccessMessages = new()
    {
        ["knee-pain-ebook"] = "Thank you! Your download link is below, and we have sent a copy to your inbox as well.",
        ["contact-therapist"] = "Thanks for getting in touch. A member of our team will reply within two working days.",
        ["newsletter"] = "Nearly there! Please check your email and press the link in it to confirm your subscription.",
    };

    /// <summary>Following the link returns the very bytes of the ebook in the content folder.</summary>
    private static async Task AssertDownloadsTheEbookAsync(string? href)
    {
        Assert.That(href, Is.Not.Null);
        using var client = new HttpClient();
        using var pdf = await client.GetAsync(href);
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        var expected = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Content, "assets", "knee-pain-ebook.pdf"));
        Assert.That(await pdf.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected));
    }

    /// <summary>The link in the confirmation email, pressed in the browser, confirms the subscriber.</summary>
    private async Task ConfirmSubscriptionAsync(ChromiumSession browser, string email)
    {
        var mail = await MailToAsync(email);
        var confirm = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"\S+/newsletter/confirm/\S+").Value;
        Assert.That(confirm, Does.StartWith(_cms.BaseUrl), mail.TextBody);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(confirm);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, subscribe me" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You're subscribed" }).WaitForAsync(new() { Timeout = 15_000 });
        Assert.That(await page.Locator("header .brand a").GetAttributeAsync("href"), Does.StartWith(_siteUrl), "branded, with a way back");
        await ShootAsync(page, "site-lead-newsletter-confirmed", null);
        await using var scope = _cms.Services.CreateAsyncScope();
        var subscriber = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Subscribers.SingleAsync(s => s.Email == email);
        Assert.That(subscriber.Status, Is.EqualTo(SubscriberStatus.Confirmed));
    }

    /// <summary>The page as the reader sees it, at a phone's width and a desktop's, for docs/images.</summary>
    private static async Task ShootAsync(IPage page, string name, string? element)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 800);
            var file = Path.Combine(folder, $"{name}-{width}.png");
            if (element is null) await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            else await page.Locator(element).ScreenshotAsync(new() { Path = file });
        }
    }

    private static async Task FillAsync(IPage page, string key, string email)
    {
        var form = $"#form-{key}";
        await page.Locator($"{form}-email").FillAsync(email);
        if (key != "newsletter") await page.Locator($"{form}-name").FillAsync("Ada <b>Runner</b>");
        if (key == "contact-therapist")
        {
            await page.Locator($"{form}-topic").SelectOptionAsync("Knee pain");
            await page.Locator($"{form}-message").FillAsync("My knee hurts after 10 km.\n<script>alert(1)</script>");
        }
        await page.Locator($"{form}-consent").CheckAsync();
    }

    /// <summary>In the inbox (not spam), and its email in the pickup folder.</summary>
    private async Task AssertLandedAsync(string key, string email)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<InboxQueries>().ListAsync(new InboxFilter(Form: key, Email: email));
        Assert.That(inbox.Items, Has.Count.EqualTo(1), "listed in the inbox");
        Assert.That(inbox.Items[0].SpamReason, Is.Null);

        await MailAsync(m => m.To.Mailboxes.Concat(m.ReplyTo.Mailboxes).Any(a => a.Address == email), email);
    }

    private Task<MimeMessage> MailToAsync(string email) => MailAsync(m => m.To.Mailboxes.Any(a => a.Address == email), email);

    private async Task<MimeMessage> MailAsync(Func<MimeMessage, bool> about, string email)
    {
        var folder = Path.Combine(_cms.DataPath, "mail-pickup");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (about(message)) return message;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"No email about {email} reached {folder}.");
        return null!;
    }
}
