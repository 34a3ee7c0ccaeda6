using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadence.Cms.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>What a clinic owner does in the manager, in a real browser against the real CMS on loopback.</summary>
public class ManagerInBrowserTests
{
    private const string AuthorPassword = "granite-willow-ferry-nine";
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task Write_a_post_with_a_call_to_action_and_schedule_it_then_publish_another_and_find_it_in_the_api()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await SignInAsync(browser, CmsServer.AdminEmail, CmsServer.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new post" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Calf raises for runners");
        Assert.That(await page.GetByLabel("Web address (slug)").InputValueAsync(), Is.EqualTo("calf-raises-for-runners"));
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Do three sets of fifteen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add call to action" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Get the free knee-pain ebook" }).ClickAsync();
        // The card goes in once the dialog has closed, a moment after the click.
        await Assertions.Expect(page.Locator("textarea#Body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("::: form knee-pain-ebook"));
        await Assertions.Expect(page.Locator("#live-preview .cta-preview")).ToContainTextAsync("knee-pain-ebook");

        var tomorrow = DateTime.UtcNow.AddDays(1);
        await page.GetByLabel("Publish on").FillAsync(tomorrow.ToString("yyyy-MM-dd") + "T08:15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Scheduled for");
        await Assertions.Expect(page.Locator("#post-status")).ToContainTextAsync("Scheduled for");

        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Ankle mobility in five minutes");
        await UseMarkdownViewAsync(page);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Circle each ankle ten times.\n\n::: form knee-pain-ebook\n");
        // The cover is chosen from the library the way the owner sees it (the select is the no-script fallback).
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose…" }).ClickAsync();
        var library = page.Locator("#image-dialog");
        await library.Locator("input[value='/media/foot-mobility-for-runners.png']").CheckAsync();
        await library.GetByLabel("Description (alt text)").FillAsync("A runner rolling an ankle on a mat");
        await library.GetByRole(AriaRole.Button, new() { Name = "Use as cover" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cover-thumb")).ToHaveAttributeAsync("src", "/media/foot-mobility-for-runners.png");
        await page.GetByLabel("Tags").FillAsync("Ankles, Mobility");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Published");

        using var api = _cms.Client(_cms.ContentKey);
        var post = await api.GetFromJsonAsync<JsonElement>("api/v1/posts/ankle-mobility-in-five-minutes");
        Assert.That(post.GetProperty("status").GetString(), Is.EqualTo("published"));
        Assert.That(post.GetProperty("forms")[0].GetString(), Is.EqualTo("knee-pain-ebook"));
        Assert.That(post.GetProperty("image").GetProperty("alt").GetString(), Is.EqualTo("A runner rolling an ankle on a mat"));
        Assert.That((await api.GetAsync("api/v1/posts/calf-raises-for-runners")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "scheduled, not live yet");
    }

    [Test]
    public async Task Typing_saves_a_draft_by_itself_so_closing_the_tab_loses_nothing()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await SignInAsync(browser, CmsServer.AdminEmail, CmsServer.AdminPassword);
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Unsaved thoughts on tempo runs");
        await UseMarkdownViewAsync(page); // remembered, so the second tab opens the textarea too
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Tempo means comfortably hard.");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Draft saved", new() { Timeout = 15_000 });
        Assert.That(page.Url, Does.Match(@"/manager/posts/\d+$"));

        var again = await browser.NewPageAsync();
        await again.GotoAsync(page.Url);
        Assert.That(await again.GetByLabel("Text", new() { Exact = true }).InputValueAsync(), Is.EqualTo("Tempo means comfortably hard."));
        await page.CloseAsync();
    }

    [Test]
    public async Task Restore_an_earlier_revision()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await SignInAsync(browser, CmsServer.AdminEmail, CmsServer.AdminPassword);
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Hill repeats");
        await UseMarkdownViewAsync(page);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Run up for sixty seconds.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/manager/posts/\d+$"));
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Run up for ninety seconds, walk down.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync("Run up for ninety seconds, walk down.");
        await Assertions.Expect(page.Locator("p.notice").First).ToHaveTextAsync("Saved.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Revisions" }).ClickAsync();
        await Assertions.Expect(page.Locator("pre.diff .removed")).ToContainTextAsync("sixty seconds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore this revision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("restored");
        Assert.That(await page.GetByLabel("Text", new() { Exact = true }).InputValueAsync(), Is.EqualTo("Run up for sixty seconds."));
    }

    [Test]
    public async Task An_author_does_not_see_settings_and_is_turned_away_from_them()
    {
        var email = $"author-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = _cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Author, AuthorPassword, "Sam Author");
        await using var browser = await Chromium.LaunchAsync();
        var page = await SignInAsync(browser, email, AuthorPassword);
        Assert.That(await page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).CountAsync(), Is.Zero);

        var response = await page.GotoAsync(_cms.BaseUrl + "/manager/settings");
        Assert.That(page.Url, Does.Contain("/manager/account/denied"));
        Assert.That(response!.Status, Is.EqualTo(403));
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).CountAsync(), Is.Zero);
        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Repeated_wrong_passwords_ask_this_browser_to_wait()
    {
        var email = $"slowed-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = _cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Editor, AuthorPassword);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_cms.BaseUrl + "/manager");
        for (var attempt = 1; attempt <= SignInThrottle.FreeFailures + 1; attempt++)
            await SubmitSignInAsync(page, email, "wrong-password-" + attempt);
        // The wait itself (and that the right password waits too) is timed over HTTP in Cms.Tests SignInTests;
        // a browser is too slow a clock to catch a 2-second wait reliably.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wait 2 seconds");
        Assert.That(await page.GetByRole(AriaRole.Alert).TextContentAsync(), Does.Not.Contain("locked"));
    }

    /// <summary>Also the medical review: an editor sets it in the settings panel, and the built post shows it.</summary>
    [Test]
    public async Task Publishing_works_with_javascript_switched_off()
    {
        await using var browser = await Chromium.LaunchAsync(javaScriptEnabled: false);
        var page = await SignInAsync(browser, CmsServer.AdminEmail, CmsServer.AdminPassword);
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        Assert.That(await page.Locator(".toolbar").IsHiddenAsync(), Is.True, "the toolbar needs script, so it stays hidden");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Plain form posting");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("No script needed.\n\n::: form newsletter\n");
        await page.GetByLabel("Tags").FillAsync("Basics");
        await page.GetByLabel("Reviewed by").SelectOptionAsync(new SelectOptionValue { Label = "Tom Reddy" });
        await page.GetByLabel("Last reviewed").FillAsync("2026-03-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Published");

        using var api = _cms.Client(_cms.ContentKey);
        var post = await api.GetFromJsonAsync<JsonElement>("api/v1/posts/plain-form-posting");
        Assert.That(post.GetProperty("tags")[0].GetProperty("slug").GetString(), Is.EqualTo("basics"));
        Assert.That(post.GetProperty("lastReviewed").GetString(), Is.EqualTo("2026-03-03"));

        var output = RepoPaths.NewTempFolder("reviewed-site");
        var build = await SiteCommand.BuildAsync("--api", _cms.BaseUrl, "--key", _cms.ContentKey, "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var built = await File.ReadAllTextAsync(Path.Combine(output, "posts", "plain-form-posting", "index.html"));
        Assert.That(built, Does.Contain("Reviewed by <a href=\"/authors/tom-reddy/\">Tom Reddy</a>, BSc (Hons) Sports Therapy, graduate sports therapist, <time datetime=\"2026-03-03\">3 March 2026</time>"));
        Assert.That(built, Does.Contain("\"@type\":\"MedicalWebPage\""));
        Directory.Delete(output, recursive: true);
    }

    /// <summary>Switches the post editor to its Markdown view, where the Text field is the textarea.</summary>
    private static async Task UseMarkdownViewAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Markdown", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("textarea#Body")).ToBeVisibleAsync();
    }

    private async Task<IPage> SignInAsync(ChromiumSession browser, string email, string password)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_cms.BaseUrl + "/manager");
        await SubmitSignInAsync(page, email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        // Wait for the answer page, so the next step never types into the page being left. The page being left is
        // marked and the wait is for a parsed document without the mark: load-state events can be missed by a waiter
        // that attaches while a busy machine is still committing the navigation.
        await page.EvaluateAsync("() => { window.__leaving = true; }");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/manager/account/sign-in"));
        await page.WaitForFunctionAsync("() => !window.__leaving && document.readyState !== 'loading'");
    }
}
