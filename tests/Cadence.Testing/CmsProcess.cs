using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cadence.Testing;

/// <summary>
/// The built CMS as a child process on a free 127.0.0.1 port: for tests that kill it, restart it, or
/// need it in another process than the test (as a reader's browser and the static site see it).
/// </summary>
public sealed class CmsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CmsProcess(Process process, string baseUrl, string dataPath)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataPath = dataPath;
    }

    public string BaseUrl { get; }
    public string DataPath { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;

    public static string CmsDll => Path.Combine(AppContext.BaseDirectory, "Cadence.Cms.dll");

    /// <param name="environment">Environment variables such as <c>Cadence__ContentKey</c>.</param>
    /// <param name="checkout">
    /// A checkout's root to run from with no <c>Cadence__DataPath</c>, as <c>./build.sh --target=run</c> does, so the
    /// CMS's own default applies (<c>.data</c> there); <paramref name="dataPath"/> is then ignored.
    /// </param>
    public static async Task<CmsProcess> StartAsync(IDictionary<string, string> environment, string? dataPath = null, int? port = null, string? checkout = null)
    {
        dataPath = checkout is null ? dataPath ?? RepoPaths.NewTempFolder("cms-process") : Path.Combine(checkout, ".data");
        var baseUrl = $"http://127.0.0.1:{port ?? FreePort()}";
        var start = new ProcessStartInfo("dotnet", [CmsDll, "--urls", baseUrl])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = checkout ?? RepoPaths.Root,
        };
        if (checkout is null) start.Environment["Cadence__DataPath"] = dataPath;
        start.Environment["Cadence__ContentPath"] = RepoPaths.Content;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Cadence__Accounts__AttemptsPerMinute"] = "10000";
        foreach (var (key, value) in await TestDatabase.EnvironmentForAsync(dataPath)) start.Environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("The CMS did not start.");
        var cms = new CmsProcess(process, baseUrl, dataPath);
        process.OutputDataReceived += (_, e) => cms.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cms.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await cms.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120)); // a loaded two-core machine can take a minute
        return cms;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was committed must survive.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The CMS exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        Kill();
        throw new TimeoutException($"The CMS did not answer within {timeout}:\n{Output}");
    }
}
