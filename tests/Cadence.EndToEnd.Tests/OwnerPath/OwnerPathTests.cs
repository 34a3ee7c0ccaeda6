using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.OwnerPath;

/// <summary>
/// The clinic owner's whole first day, in Chromium against a CMS and a site started the way the run target starts
/// them, on a fresh data folder: make the account from the printed setup address, make a download form with a PDF,
/// write an illustrated post with that form's call to action without typing Markdown, preview, publish, follow
/// "View on site", send the form as a reader and find the submission in the inbox. Every step is photographed for
/// docs/manager.md ("Your first post, step by step").
/// </summary>
[NonParallelizable]
public partial class OwnerPathTests
{
    private const string OwnerEmail = "maya@stride-therapy.example";
    private const string OwnerPassword = "Sunrise laps by the river";
    private const string FormTitle = "Free marathon plan";
    private const string FormKey = "free-marathon-plan";
    private const string PostTitle = "Your first marathon";
    private const string PictureAlt = "A runner crossing a finish line with both arms raised";
    private const string ReaderEmail = "sam.reader@runner.example";

    private float _expectTimeout;

    [SetUp]
    public void BePatient()
    {
        // A loaded two-core machine builds the site and uploads pictures slowly: every wait is bounded, just generous.
        _expectTimeout = 5_000;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    [TearDown]
    public void BeUsual() => Assertions.SetDefaultExpectTimeout(_expectTimeout);

    [TestCase(1280, 900)]
    [TestCase(390, 844)]
    public async Task The_owner_sets_up_writes_an_illustrated_post_with_a_download_publishes_and_finds_a_readers_submission(int width, int height)
    {
        await using var rig = await RunTargetRig.StartAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.SetViewportSizeAsync(width, height);
        var complaints = new List<string>();
        // The browser asks for /favicon.ico on its own; the manager names no icon, so that one 404 is not the page's.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.StartsWith(rig.Cms.BaseUrl + "/favicon.ico", StringComparison.Ordinal))
                complaints.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => complaints.Add(error);
        var walk = new Walk(page, rig, width);

        await walk.StepAsync("setup", "open the printed setup address and make the account", async () =>
        {
            await page.GotoAsync(rig.SetupUrl);
            await page.GetByLabel("Your name").FillAsync("Maya Okafor");
            await page.GetByLabel("Email").FillAsync(OwnerEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(OwnerPassword);
            await page.GetByLabel("Password again").FillAsync(OwnerPassword);
            await walk.ShootAsync("setup");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        }, shoot: "dashboard");

        await walk.StepAsync("form", "make the download form with a PDF", async () =>
        {
            await walk.OpenMenuItemAsync("Forms");
            await page.GetByRole(AriaRole.Link, new() { Name = "Make a new form" }).ClickAsync();
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(FormTitle);
            await page.GetByLabel("Introduction").FillAsync("Sixteen weeks of runs, rest days and strength work, ready to print.");
            await Assertions.Expect(page.Locator("#fields [data-field] select").Last).ToHaveValueAsync("email");
            await page.GetByLabel("Send button says").FillAsync("Send me the plan");
            await page.GetByLabel("Readers get a file after sending").CheckAsync();
            await page.GetByLabel("PDF file").SetInputFilesAsync(Path.Combine(RepoPaths.Content, "assets", "knee-pain-ebook.pdf"));
            await walk.ShootAsync("form", fullPage: true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save form" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{FormTitle}” saved.");
        });

        var keyboard = new PlainKeyboard(page);
        await walk.StepAsync("write", "write the post with buttons, dialogs, shortcuts and paste", async () =>
        {
            await walk.OpenMenuItemAsync("Posts");
            await page.GetByRole(AriaRole.Link, new() { Name = "Write a new post" }).ClickAsync();
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(PostTitle);
            await WritePostAsync(page, keyboard, walk);
            await walk.ShootAsync("write", fullPage: true);
        });
        Assert.That(keyboard.MarkdownTyped(), Is.Empty, "no Markdown syntax was typed");

        await walk.StepAsync("save", "save the draft", async () =>
        {
            await Button(page, "Save draft").ClickAsync();
            // Autosave may already have given the draft its address, so wait for the address, not a navigation.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/manager/posts/\d+"));
            await Assertions.Expect(page.Locator("p.notice").First).ToBeVisibleAsync();
        });

        await walk.StepAsync("preview", "preview the draft with its picture loaded", async () =>
        {
            var preview = await page.Context.RunAndWaitForPageAsync(() => page.Locator("#preview-link").ClickAsync());
            await preview.SetViewportSizeAsync(width, height);
            await AssertPictureLoadedAsync(preview.Locator($"img[alt='{PictureAlt}']").First);
            await Assertions.Expect(preview.Locator($"#form-{FormKey}")).ToBeVisibleAsync();
            await walk.ShootAsync("preview", preview);
            await preview.CloseAsync();
        });

        await walk.StepAsync("publish", "publish and wait for the editor to say the site was updated", async () =>
        {
            await Button(page, "Publish now").ClickAsync();
            await Assertions.Expect(page.Locator("#site-update")).ToContainTextAsync("Live on your site since", new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator("#view-on-site")).ToBeVisibleAsync();
            await page.Locator("#live-state").ScrollIntoViewIfNeededAsync();
        }, shoot: "published");

        var site = await walk.StepAsync("site", "follow View on site to the built page", async () =>
        {
            var built = await page.Context.RunAndWaitForPageAsync(() => page.Locator("#view-on-site").ClickAsync());
            await built.SetViewportSizeAsync(width, height);
            Assert.That(built.Url, Does.StartWith(rig.SiteUrl + "/posts/"), "the site's own address");
            await Assertions.Expect(built.GetByRole(AriaRole.Heading, new() { Name = PostTitle, Level = 1 })).ToBeVisibleAsync();
            await AssertPictureLoadedAsync(built.Locator($"img[alt='{PictureAlt}']").First);
            await Assertions.Expect(built.Locator($"#form-{FormKey}")).ToBeVisibleAsync();
            await walk.ShootAsync("site", built);
            return built;
        });

        await walk.StepAsync("reader", "send the form as a reader and download the plan", () => SendAsReaderAsync(site, walk));

        await walk.StepAsync("inbox", "find the submission in the inbox", async () =>
        {
            await walk.OpenMenuItemAsync("Inbox");
            var row = page.Locator("table.inbox tbody tr", new() { HasText = ReaderEmail });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync(FormTitle);
            await Assertions.Expect(row).ToContainTextAsync("Unread");
            await row.ScrollIntoViewIfNeededAsync();
        }, shoot: "inbox");

        Assert.That(complaints, Is.Empty, "script errors or Content-Security-Policy refusals in the manager");
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task AssertPictureLoadedAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.That(await image.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), "the picture loaded");
    }
}
