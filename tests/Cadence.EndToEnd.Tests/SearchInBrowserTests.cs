using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests;

/// <summary>A reader searches the starter site, built from the folder and served, in Chromium, on a phone and a laptop.</summary>
public class SearchInBrowserTests
{
    private string _out = "";
    private SiteCommand _server = null!;
    private string _baseUrl = "";
    private ChromiumSession _browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _out = Path.Combine(RepoPaths.NewTempFolder("search"), "out");
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

    [TestCase(390, 844)]
    [TestCase(1280, 800)]
    public async Task Typing_a_word_from_a_post_body_shows_dated_results_with_the_word_marked(int width, int height)
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(new Uri(request.Url).AbsolutePath);
        await page.GotoAsync(_baseUrl + "/search/");
        var status = page.Locator("[data-search-status]");
        Assert.That(await status.GetAttributeAsync("aria-live"), Is.EqualTo("polite"));

        // "footwear" is only in the body of one published post. Typed letter by letter: results come while typing, the last word matching as a prefix.
        await page.GetByLabel("Search the posts and pages").PressSequentiallyAsync("footwea", new() { Delay = 40 });
        var result = page.Locator("[data-search-results] li", new() { HasText = "Shin splints" });
        await result.WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ results?\.$"));
        Assert.Multiple(async () =>
        {
            Assert.That(await result.Locator(".post-meta").InnerTextAsync(), Does.Match(@"^\S.* \d{4}$"), "the date, as the site writes dates");
            Assert.That(await result.Locator("mark").First.InnerTextAsync(), Is.EqualTo("footwear").IgnoreCase);
            Assert.That(requests.Where(r => r.StartsWith("/search/t/", StringComparison.Ordinal)).Distinct().Count(), Is.LessThanOrEqualTo(2),
                "only the shards of what was typed");
            Assert.That(requests, Has.None.EqualTo("/search-index.json"));
        });
        await page.ScreenshotAsync(new() { Path = Screenshot($"site-search-{width}.png") });

        // Pages are found too, and every word must match.
        await page.GetByLabel("Search the posts and pages").FillAsync("erased policy");
        await page.Locator("[data-search-results] a", new() { HasText = "Privacy" }).WaitForAsync(new() { Timeout = 30_000 });
    }

    [Test]
    public async Task Without_script_the_page_offers_the_archive_and_tags()
    {
        var page = await _browser.NewPageAsync();
        await page.RouteAsync("**/assets/site.*.js", route => route.AbortAsync()); // as if script were off or failed
        await page.GotoAsync(_baseUrl + "/search/");
        var status = page.Locator("[data-search-status]");
        Assert.That(await status.InnerTextAsync(), Does.Contain("needs JavaScript"));
        Assert.That(await status.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"),
            Is.EqualTo(new[] { "/archive/", "/tags/" }));
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
