using System.Diagnostics;
using Microsoft.Playwright;

namespace Cadence.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright, kept on loopback: it would otherwise phone home even headless.
/// Installed with apt when missing (Playwright's own browser download is not used).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] LoopbackOnly =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--proxy-server=http://127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1 , EXCLUDE [::1]",
        "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    ];

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>A browser context with a fresh profile folder; dispose it to close the browser.</summary>
    public static async Task<ChromiumSession> LaunchAsync(bool javaScriptEnabled = true)
    {
        await EnsureInstalledAsync();
        var playwright = await Playwright.CreateAsync();
        var profile = RepoPaths.NewTempFolder("chromium-profile");
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = LoopbackOnly,
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return new ChromiumSession(playwright, context, profile);
    }

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath)) return;
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath)) return;
            await Run("apt-get", "update -qq");
            await Run("apt-get", "install -y -qq chromium");
            if (!File.Exists(ExecutablePath)) throw new InvalidOperationException("apt-get did not install " + ExecutablePath);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}{await output}");
    }
}

public sealed class ChromiumSession(IPlaywright playwright, IBrowserContext context, string profile) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public async Task<IPage> NewPageAsync() => await Context.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
    }
}
