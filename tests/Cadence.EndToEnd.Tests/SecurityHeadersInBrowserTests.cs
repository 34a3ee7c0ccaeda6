using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The site built over the real CMS, served by <c>serve</c> with the headers of the build's <c>_headers</c> file, in
/// Chromium: pictures, the brand colour, search and a form sent to the CMS all work under that content security policy,
/// and the browser reports no violation.
/// </summary>
public class SecurityHeadersInBrowserTests
{
    [Test]
    public async Task The_site_works_under_its_own_content_security_policy()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Forms:MinimumFillSeconds"] = "1" });
        var output = Path.Combine(RepoPaths.NewTempFolder("csp-site"), "out");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
        await using var _ = serve;
        // The site runs on a free port rather than its configured one: the CMS takes its forms from there.
        await using (var scope = cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CadenceDb>().Settings.ExecuteUpdateAsync(u => u.SetProperty(s => s.BaseUrl, siteUrl));
        cms.Services.GetRequiredService<FormsCatalog>().Invalidate();

        var policy = File.ReadAllLines(Path.Combine(output, "_headers")).Single(l => l.TrimStart().StartsWith("Content-Security-Policy:", StringComparison.Ordinal));
        Assert.That(policy, Does.Contain($"form-action 'self' {cms.BaseUrl}").And.Contain($"connect-src 'self' {cms.BaseUrl}"));

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };

        var home = await page.GotoAsync(siteUrl + "/");
        Assert.That(await home!.HeaderValueAsync("content-security-policy"), Is.EqualTo(policy.Split(": ", 2)[1]));
        Assert.That(await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"), Does.Match("^#[0-9a-f]{6}$"),
            "the brand colour's inline style is applied");

        await page.GotoAsync(siteUrl + "/posts/knee-pain-when-running/");
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Lazy pictures below the fold are asked for now; decode() fails for one that cannot load.
        var broken = await page.EvaluateAsync<string[]>(
            "Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().then(() => null, () => i.currentSrc || i.src); })).then(r => r.filter(Boolean))");
        Assert.That(await page.Locator("img").CountAsync(), Is.GreaterThan(0));
        Assert.That(broken, Is.Empty, "every picture loads");

        var email = $"csp-{Guid.NewGuid():N}"[..20] + "@runner.test";
        const string form = "#form-contact-therapist";
        await page.Locator($"{form}-email").FillAsync(email);
        await page.Locator($"{form}-name").FillAsync("Ada Runner");
        await page.Locator($"{form}-topic").SelectOptionAsync("Knee pain");
        await page.Locator($"{form}-message").FillAsync("My knee hurts after 10 km.");
        await page.Locator($"{form}-consent").CheckAsync();
        await page.WaitForTimeoutAsync(1200); // longer than the minimum fill time
        await page.Locator($"{form} button[type=submit]").ClickAsync();
        await page.Locator($"{form} .form-status .ok").WaitForAsync(new() { Timeout = 15_000 });
        Assert.That(page.Url, Does.StartWith(siteUrl), "sent by script, answered in place");

        await page.GotoAsync(siteUrl + "/search/");
        await page.GetByLabel("Search the posts and pages").PressSequentiallyAsync("footwea", new() { Delay = 40 });
        await page.Locator("[data-search-results] li", new() { HasText = "Shin splints" }).WaitForAsync(new() { Timeout = 30_000 });

        Assert.That(violations, Is.Empty);

        // The watch above can see a violation: an inline style the policy does not list is refused and reported.
        await page.EvaluateAsync("document.head.insertAdjacentHTML('beforeend', '<style>body { outline: 1px solid red; }</style>')");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (violations.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.That(violations, Has.Count.EqualTo(1).And.Some.Contains("style-src"));
    }
}
