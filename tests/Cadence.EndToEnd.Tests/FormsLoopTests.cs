using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The whole form loop in Chromium: the site served on one loopback port posts to the real CMS on another;
/// each form is sent with script on (inline success) and off (303 to the thank-you page), and lands in the
/// inbox with its email in the pickup folder.
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
        (_site, _siteUrl) = await SiteCommand.ServeAsync("--from", RepoPaths.Content, "--out", _out, "--cms-url", _cms.BaseUrl);

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
    public async Task With_script_the_form_shows_success_in_place_and_lands_in_the_inbox(string key, string path)
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
        if (key == "knee-pain-ebook")
        {
            var href = await page.Locator($"#form-{key} .form-status a").GetAttributeAsync("href");
            Assert.That(href, Does.StartWith(_cms.BaseUrl + "/downloads/"));
            using var pdf = await new HttpClient().GetAsync(href);
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        }
        await AssertLandedAsync(key, email);
    }

    [TestCaseSource(nameof(Forms))]
    public async Task Without_script_the_form_posts_and_the_reader_arrives_on_the_thank_you_page(string key, string path)
    {
        await using var browser = await Chromium.LaunchAsync(javaScriptEnabled: false);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_siteUrl + path);
        var email = $"nojs-{key}-{Guid.NewGuid():N}"[..26] + "@runner.test";
        await FillAsync(page, key, email);
        await page.Locator($"#form-{key} button[type=submit]").ClickAsync();

        // The address is read rather than waited for with a load-state event, which a busy machine can let a
        // waiter miss; the heading below then waits for the thank-you page's content.
        var thanks = $"{_siteUrl}/thanks/{key}/";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!page.Url.StartsWith(thanks, StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.That(page.Url, Does.StartWith(thanks), _site.Output);
        await page.Locator("h1").WaitForAsync();
        Assert.That(await page.Locator("h1").CountAsync(), Is.EqualTo(1));
        if (key == "knee-pain-ebook") Assert.That(page.Url, Does.Contain("download="));
        await AssertLandedAsync(key, email);
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

        var folder = Path.Combine(_cms.DataPath, "mail-pickup");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Concat(message.ReplyTo.Mailboxes).Any(m => m.Address == email)) return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"No email about {email} reached {folder}.");
    }
}
