using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>
/// The manager on a phone (390 × 844) and a desktop (1280), in Chromium: the menu folds away and opens, every list
/// fits the screen without sideways scrolling, and Save stays in reach in the editor. The owner's pages are
/// photographed into docs/images for docs/manager.md.
/// </summary>
public class PhoneManagerTests
{
    private const string Secret = "a-receiver-secret-of-some-length";
    private static readonly string[] ListPages =
    [
        "/manager/posts", "/manager/inbox", "/manager/inbox/subscribers", "/manager/users", "/manager/media",
        "/manager/mail", "/manager/webhooks", "/manager/settings/keys", "/manager/review", "/manager/taxonomy",
    ];

    private WebhookReceiver _receiver = null!;
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _receiver = await WebhookReceiver.StartAsync(Secret);
        _cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
            ["Cadence:Webhooks:PollInterval"] = "00:00:00.300",
            ["Cadence:Webhooks:Debounce"] = "00:00:00.300",
            ["Cadence:Webhooks:Endpoints:0:Url"] = _receiver.Url,
            ["Cadence:Webhooks:Endpoints:0:Secret"] = Secret,
        });
        for (var i = 0; i < 2; i++) await SubmitContactAsync($"Reader {i}");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _cms.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task On_a_phone_the_menu_folds_lists_fit_the_screen_and_Save_stays_in_reach()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await PublishAsync(page, "Stretching after a long run");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync(_cms.BaseUrl + "/manager");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" });
        var button = page.Locator("#menu > summary");
        await Assertions.Expect(button).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToBeHiddenAsync();
        var header = await page.Locator("header.top").BoundingBoxAsync();
        Assert.That(header!.Height, Is.LessThan(80), "the folded menu takes one short bar");

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#menu")).ToHaveAttributeAsync("open", "");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await button.ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Posts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Posts", Exact = true })).ToBeVisibleAsync();

        foreach (var list in ListPages)
        {
            await page.GotoAsync(_cms.BaseUrl + list);
            var (scroll, inner) = await WidthsAsync(page);
            Assert.That(scroll, Is.LessThanOrEqualTo(inner), $"{list} scrolls sideways ({scroll} > {inner})");
        }
        await Assertions.Expect(page.Locator("table.list tbody td[data-label]").First).ToBeAttachedAsync();

        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save draft" });
        Assert.That(await save.EvaluateAsync<bool>(InViewport), Is.True, "Save draft is on screen without scrolling");
        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).EvaluateAsync<bool>(InViewport), Is.True);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("A draft written on a phone");
        await save.ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToBeVisibleAsync();
        Assert.That((await WidthsAsync(page)).Scroll, Is.LessThanOrEqualTo(390), "the editor after saving");
    }

    [Test]
    public async Task The_owners_pages_are_photographed_at_1280_and_390()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await PublishAsync(page, "Hill repeats for beginners");
        var editor = page.Url;
        var shots = new (string Name, string Url)[]
        {
            ("dashboard", "/manager"), ("posts", "/manager/posts"), ("inbox", "/manager/inbox"),
            ("editor", editor), ("settings", "/manager/settings"), ("pages", "/manager/pages"),
        };
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            foreach (var (name, url) in shots)
            {
                await page.GotoAsync(url.StartsWith("http", StringComparison.Ordinal) ? url : _cms.BaseUrl + url);
                // The editor's picture here shows its sticky actions; the editor test owns manager-editor-*.png.
                var shot = name == "editor" ? "editor-actions" : name;
                var file = Path.Combine(RepoPaths.Root, "docs", "images", $"manager-{shot}-{width}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = name != "editor" });
                Assert.That(new FileInfo(file).Length, Is.GreaterThan(1000), file);
            }
        }
        await page.GotoAsync(_cms.BaseUrl + "/manager");
        await page.Locator("#menu > summary").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Root, "docs", "images", "manager-menu-390.png") });
    }

    /// <summary>Whether the element lies wholly inside the viewport as the page first shows.</summary>
    private const string InViewport = "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; }";

    private static async Task<(int Scroll, int Inner)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, innerWidth]");
        return (widths[0], widths[1]);
    }

    private async Task PublishAsync(IPage page, string title)
    {
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Walk down, run up, three times.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Published");
        await _receiver.NextWithSlugAsync(Cadence.Markdown.Slug.From(title));
        await Task.Delay(300); // the delivery is logged as delivered just after the receiver answers
    }

    private async Task SubmitContactAsync(string name)
    {
        var email = $"reader-{Guid.NewGuid():N}"[..20] + "@runner.test";
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = name, ["email"] = email, ["topic"] = "Knee pain", ["message"] = "My knee hurts after long runs.", ["consent"] = "true",
        });
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_cms.BaseUrl}/forms/contact-therapist")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
