using System.Net;
using Cadence.EndToEnd.Tests.Manager;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The clinic's brand as people see it: the served site's header and footer with the logo, icons and clinic details,
/// and Settings → Site where the owner sets them, at 1280 and 390 px (screenshots in docs/images).
/// </summary>
public class BrandInBrowserTests
{
    private static readonly int[] Widths = [1280, 390];

    [Test]
    public async Task The_served_site_has_its_icons_logo_and_clinic_details_at_both_widths()
    {
        var output = Path.Combine(RepoPaths.NewTempFolder("site-brand"), "out");
        var build = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var (server, baseUrl) = await SiteCommand.ServeAsync("--from", RepoPaths.Content, "--out", output);
        await using var _ = server;

        using var http = new HttpClient();
        foreach (var path in new[] { "/favicon.ico", "/apple-touch-icon.png", "/icon-512.png", "/site.webmanifest" })
            Assert.That((await http.GetAsync(baseUrl + path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), path);

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 800);
            await page.GotoAsync(baseUrl + "/posts/knee-pain-when-running/");
            var logo = page.Locator(".site-header img.site-logo");
            await Assertions.Expect(logo).ToBeVisibleAsync();
            Assert.That(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), Is.True, "the logo loads");
            var box = (await logo.BoundingBoxAsync())!;
            Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(width), $"the logo fits at {width}");
            await page.Locator(".site-header").ScreenshotAsync(new() { Path = Shot($"site-brand-header-{width}.png") });
            var footer = page.Locator("footer.site-footer");
            await Assertions.Expect(footer.Locator("a[href^='tel:']")).ToBeVisibleAsync();
            await footer.ScreenshotAsync(new() { Path = Shot($"site-brand-footer-{width}.png") });
        }
    }

    [Test]
    public async Task The_owner_sets_the_brand_in_settings_and_a_pale_colour_is_refused()
    {
        await using var cms = await CmsServer.StartAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, cms);
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(cms.BaseUrl + "/manager/settings");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "The current logo" })).ToBeVisibleAsync();
            await page.Locator("#brand").ScreenshotAsync(new() { Path = Shot($"manager-settings-brand-{width}.png") });
            await page.Locator("#clinic").ScreenshotAsync(new() { Path = Shot($"manager-settings-clinic-{width}.png") });
        }

        await page.GetByLabel("Theme colour").FillAsync("#9fd8ee");
        await page.GetByLabel("Phone").FillAsync("01632 960 222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for=ThemeColour]")).ToContainTextAsync("too hard to read");

        await page.GetByLabel("Theme colour").FillAsync("#1d4f6b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Settings saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Phone")).ToHaveValueAsync("01632 960 222");
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
