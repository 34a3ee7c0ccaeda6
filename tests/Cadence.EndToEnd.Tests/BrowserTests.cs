using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests;

/// <summary>A reader's visit: the starter content built from the folder, served by <c>serve</c>, in Chromium.</summary>
public class BrowserTests
{
    private string _out = "";
    private SiteCommand _server = null!;
    private string _baseUrl = "";
    private ChromiumSession _browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _out = Path.Combine(RepoPaths.NewTempFolder("site"), "out");
        var build = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", _out);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        (_server, _baseUrl) = await SiteCommand.ServeAsync("--from", RepoPaths.Content, "--out", _out);
        _browser = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);
    }

    [Test]
    public async Task A_reader_opens_the_home_page_and_follows_a_post()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/");
        Assert.That(await page.TitleAsync(), Is.EqualTo("Run Tips"));
        var first = page.Locator(".post-list h2 a").First;
        var title = await first.InnerTextAsync();
        // The post's heading is what is checked, so the wait ends when the post's address is committed and the heading
        // is there: waiting for the page's load events as well only added a way to time out.
        await Task.WhenAll(
            page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/posts/[a-z0-9-]+/$"), new() { WaitUntil = WaitUntilState.Commit }),
            first.ClickAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.That(await page.Locator("main#main").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Search_finds_a_post_in_the_browser()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/search/");
        await page.GetByLabel("Search the posts and pages").FillAsync("knee");
        var result = page.Locator("[data-search-results] a", new() { HasText = "Knee pain when running" });
        await result.WaitForAsync(new() { Timeout = 30_000 });
        Assert.That(await result.GetAttributeAsync("href"), Is.EqualTo("/posts/knee-pain-when-running/"));
        // Start waiting before the click, so a fast navigation cannot slip past the wait on a busy machine.
        var arrived = page.WaitForURLAsync("**/posts/knee-pain-when-running/", new() { Timeout = 60_000 });
        await result.ClickAsync();
        await arrived;
        Assert.That(await page.Locator("h1").TextContentAsync(), Is.EqualTo("Knee pain when running"));
    }

    [Test]
    public async Task The_post_shows_the_ebook_form_with_labelled_fields()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/posts/knee-pain-when-running/");
        var form = page.Locator("form#form-knee-pain-ebook");
        Assert.That(await form.GetAttributeAsync("method"), Is.EqualTo("post"));
        Assert.That(await form.GetByLabel("Your first name").GetAttributeAsync("name"), Is.EqualTo("name"));
        Assert.That(await form.GetByLabel("Email address").GetAttributeAsync("type"), Is.EqualTo("email"));
        Assert.That(await form.GetByRole(AriaRole.Checkbox).CountAsync(), Is.EqualTo(1));
        Assert.That(await form.GetByRole(AriaRole.Button, new() { Name = "Send me the ebook" }).IsVisibleAsync(), Is.True);
        Assert.That(await form.Locator("input[name=website]").IsVisibleAsync(), Is.False, "the honeypot is hidden");
        // The script stamped the page-load time for the CMS's minimum-time check.
        Assert.That(await form.Locator("input[name=_started]").InputValueAsync(), Does.Match("^[0-9]{13}$"));
    }

    [Test]
    public async Task Unknown_pages_get_the_404_page()
    {
        var page = await _browser.NewPageAsync();
        var response = await page.GotoAsync(_baseUrl + "/no/such/page/");
        Assert.That(response!.Status, Is.EqualTo(404));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Page not found"));
    }
}
