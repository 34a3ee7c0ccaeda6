using System.Diagnostics;
using System.Text;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>The site generator's <c>serve</c> verb as a child process on loopback, the way <c>./build.sh --target=run</c> starts it.</summary>
public sealed class SiteServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteServeProcess(Process process, int port, string outFolder)
    {
        _process = process;
        Port = port;
        OutFolder = outFolder;
    }

    public int Port { get; }
    public string OutFolder { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string RebuildUrl => $"{BaseUrl}/_cadence/rebuild";
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The site's build output for the same configuration as these tests (the project reference builds it first).</summary>
    public static string SiteDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0
            return Path.Combine(RepoPaths.Root, "site", "Cadence.Site", "bin", configuration, "net10.0", "Cadence.Site.dll");
        }
    }

    public static async Task<SiteServeProcess> StartAsync(string api, string key, string webhookSecret, int? port = null)
    {
        port ??= CmsProcess.FreePort();
        var outFolder = RepoPaths.NewTempFolder("site-serve");
        var start = new ProcessStartInfo("dotnet",
            [SiteDll, "serve", "--api", api, "--key", key, "--out", outFolder, "--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--webhook-secret", webhookSecret])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
        var serve = new SiteServeProcess(process, port.Value, outFolder);
        process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"serve exited with {process.ExitCode}:\n{serve.Output}");
            try
            {
                if ((await http.GetAsync(serve.BaseUrl + "/")).IsSuccessStatusCode) return serve;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await serve.DisposeAsync();
        throw new TimeoutException("serve did not answer:\n" + serve.Output);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(OutFolder, recursive: true); } catch (IOException) { }
    }
}
