using System.Diagnostics;

namespace Cadence.Site.Tests;

/// <summary>Runs the built Cadence.Site.dll as a child process, as a person or CI would.</summary>
public static class SiteProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Cadence.Site.dll");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("CADENCE_API");
        start.Environment.Remove("CADENCE_CONTENT_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
