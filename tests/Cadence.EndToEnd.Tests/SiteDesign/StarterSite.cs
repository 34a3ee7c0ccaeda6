using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.SiteDesign;

/// <summary>The starter content built from the folder and served as a static host serves it, read in Chromium.</summary>
public abstract class StarterSite
{
    public static readonly int[] Widths = [1280, 390];

    private SiteCommand? _server;
    private ChromiumSession? _browser;
    private string? _folder;

    protected string BaseUrl { get; private set; } = "";

    [OneTimeSetUp]
    public async Task BuildAndServe()
    {
        _folder = RepoPaths.NewTempFolder("site-design");
        var output = Path.Combine(_folder, "out");
        var build = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        (_server, BaseUrl) = await SiteCommand.ServeAsync("--from", RepoPaths.Content, "--out", output);
        _browser = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A fresh tab at a phone's or a desktop's size, in the light or dark colour scheme.</summary>
    protected async Task<IPage> OpenAsync(string path, int width, bool dark)
    {
        var page = await _browser!.NewPageAsync();
        await page.SetViewportSizeAsync(width, width == 390 ? 844 : 800);
        await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        var response = await page.GotoAsync(BaseUrl + path);
        Assert.That(response, Is.Not.Null, path);
        return page;
    }
}
