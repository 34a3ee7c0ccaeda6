using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.OwnerPath;

/// <summary>
/// The owner's walk through the manager at one screen width: each step is named in any failure (with the end of the
/// CMS's and the site's output), and photographed for docs/manager.md as <c>docs/images/owner-{shot}-{width}.png</c>.
/// </summary>
public sealed class Walk(IPage page, RunTargetRig rig, int width)
{
    public Task StepAsync(string name, string description, Func<Task> step, string? shoot = null) =>
        StepAsync(name, description, async () => { await step(); return true; }, shoot);

    public async Task<T> StepAsync<T>(string name, string description, Func<Task<T>> step, string? shoot = null)
    {
        T result;
        try
        {
            result = await step();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var picture = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"owner-failed-{name}-{width}.png");
            try { await page.ScreenshotAsync(new() { Path = picture }); } catch (PlaywrightException) { }
            throw new AssertionException(
                $"Step '{description}' failed at {width} px: {failure.Message}\nThe page then: {picture}\n" +
                $"--- CMS output (end) ---\n{Tail(rig.Cms.Output)}\n--- site output (end) ---\n{Tail(rig.Site.Output)}", failure);
        }
        if (shoot is not null) await ShootAsync(shoot);
        return result;
    }

    /// <summary>Opens a page from the manager's menu, unfolding the menu first on a phone.</summary>
    public async Task OpenMenuItemAsync(string name)
    {
        var menu = page.Locator("#menu");
        if (!await menu.EvaluateAsync<bool>("menu => menu.open") && await page.Locator("#menu > summary").IsVisibleAsync())
            await page.Locator("#menu > summary").ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(name)}\\b") }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task ShootAsync(string shot, IPage? on = null, bool fullPage = false)
    {
        var target = on ?? page;
        Assert.That(await target.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(width),
            $"'{shot}' scrolls sideways at {width} px");
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        await target.ScreenshotAsync(new() { Path = Path.Combine(folder, $"owner-{shot}-{width}.png"), FullPage = fullPage });
    }

    private static string Tail(string output) => output.Length <= 3000 ? output : output[^3000..];
}
