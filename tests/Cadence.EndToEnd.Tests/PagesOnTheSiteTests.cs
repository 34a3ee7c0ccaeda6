using System.Text.Json;
using AngleSharp.Html.Parser;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The starter pages (About, Contact, Privacy) on the built site: the same bytes whether the site is built over the
/// real CMS's API or from the content folder, in the sitemap, search index and footer, and the contact page read in Chromium.
/// </summary>
public class PagesOnTheSiteTests
{
    private static readonly string[] Pages = ["about", "contact", "privacy"];

    [Test]
    public async Task The_api_build_and_the_folder_build_give_identical_pages()
    {
        await using var cms = await CmsServer.StartAsync();
        var folder = RepoPaths.NewTempFolder("site-pages");
        try
        {
            using var api = cms.Client(cms.ContentKey);
            var cmsUrl = JsonDocument.Parse(await api.GetStringAsync("api/v1/site")).RootElement.GetProperty("cmsUrl").GetString()!;
            var fromApi = Path.Combine(folder, "api");
            var fromFolder = Path.Combine(folder, "folder");
            var apiBuild = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", fromApi);
            Assert.That(apiBuild.ExitCode, Is.Zero, apiBuild.Output);
            var folderBuild = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--cms-url", cmsUrl, "--out", fromFolder);
            Assert.That(folderBuild.ExitCode, Is.Zero, folderBuild.Output);

            foreach (var slug in Pages)
            {
                var file = Path.Combine(slug, "index.html");
                Assert.That(File.Exists(Path.Combine(fromApi, file)), file);
                Assert.That(File.ReadAllBytes(Path.Combine(fromApi, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(fromFolder, file))), file);
            }

            var contact = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fromApi, "contact", "index.html")));
            Assert.Multiple(() =>
            {
                Assert.That(contact.QuerySelector("h1")!.TextContent, Is.EqualTo("Contact a therapist"));
                Assert.That(contact.QuerySelector("time"), Is.Null, "a page shows no date");
                Assert.That(contact.QuerySelector("form#form-contact-therapist")!.GetAttribute("action"), Does.EndWith("/forms/contact-therapist"));
                var html = contact.Body!.InnerHtml;
                Assert.That(html.IndexOf("999", StringComparison.Ordinal), Is.LessThan(html.IndexOf("form-contact-therapist", StringComparison.Ordinal)),
                    "the emergency notice comes before the form");
                Assert.That(contact.QuerySelectorAll("header a").Select(a => a.GetAttribute("href")), Does.Contain("/contact/").And.Contain("/about/"));
                Assert.That(contact.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")), Does.Contain("/privacy/"), "pages not in the navigation are in the footer");
                Assert.That(File.ReadAllText(Path.Combine(fromApi, "sitemap.xml")), Does.Contain("<loc>http://127.0.0.1:5080/about/</loc>"));
                Assert.That(Directory.GetFiles(Path.Combine(fromApi, "search", "m")).Select(File.ReadAllText), Has.Some.Contain("\"/privacy/\""),
                    "pages are in the search index");
                Assert.That(File.ReadAllText(Path.Combine(fromApi, "feed.xml")), Does.Not.Contain("/about/"), "pages are not in feeds");
                var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fromApi, "index.html")));
                Assert.That(home.QuerySelectorAll(".post-list a").Select(a => a.GetAttribute("href")), Has.Some.StartsWith("/posts/").And.None.EqualTo("/about/"),
                    "nor in the home list");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_renamed_page_sends_readers_from_its_old_address_to_the_new_one()
    {
        await using var cms = await CmsServer.StartAsync();
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var about = await db.Posts.SingleAsync(p => p.Slug == "about");
            await scope.ServiceProvider.GetRequiredService<PostWorkflow>().RenameAsync(about, "about-the-clinic");
            await db.SaveChangesAsync();
        }
        using var api = cms.Client(cms.ContentKey);
        Assert.That(await api.GetStringAsync("api/v1/redirects"), Does.Contain("{\"from\":\"about\",\"to\":\"about-the-clinic\",\"kind\":\"page\"}"));

        var output = Path.Combine(RepoPaths.NewTempFolder("site-page-rename"), "out");
        var build = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(output, "_redirects")), Does.Contain("/about/ /about-the-clinic/ 301\n"));
            Assert.That(File.Exists(Path.Combine(output, "about-the-clinic", "index.html")), Is.True);
            var moved = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "about", "index.html")));
            Assert.That(moved.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"), Does.EndWith("/about-the-clinic/"),
                "hosts that do not read _redirects get a page that moves the reader on");
        });
    }

    [Test]
    public async Task The_contact_page_shows_the_emergency_notice_above_the_form_at_1280_and_390()
    {
        var output = Path.Combine(RepoPaths.NewTempFolder("site-contact"), "out");
        var build = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var (server, baseUrl) = await SiteCommand.ServeAsync("--from", RepoPaths.Content, "--out", output);
        await using var _ = server;
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 800);
            await page.GotoAsync(baseUrl + "/contact/");
            var notice = page.Locator("blockquote", new() { HasText = "not for emergencies" });
            var form = page.Locator("form#form-contact-therapist");
            var noticeBox = (await notice.BoundingBoxAsync())!;
            var formBox = (await form.BoundingBoxAsync())!;
            Assert.That(noticeBox.Y + noticeBox.Height, Is.LessThanOrEqualTo(formBox.Y), $"the notice is above the form at {width}");
            Assert.That(noticeBox.Y, Is.LessThan(width == 390 ? 844 * 1.5 : 800), $"the notice is near the top at {width}");
            var file = Path.Combine(RepoPaths.Root, "docs", "images", $"site-page-contact-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.That(new FileInfo(file).Length, Is.GreaterThan(1000), file);
        }
    }
}
