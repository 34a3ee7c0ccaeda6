using System.Diagnostics;
using System.Text;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The site generator as a child process: <c>build</c> to completion, or <c>serve</c> until disposed. It runs the
/// built Cadence.Site.dll on the dotnet host, or with <c>native</c> a natively published executable.
/// </summary>
public sealed class SiteCommand : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteCommand(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Cadence.Site.dll");

    /// <summary>The <c>--preview-secret</c> tests give serve; <see cref="PreviewPath"/> signs links with it as the manager does.</summary>
    public const string PreviewSecret = "serve-preview-links-secret";

    public static string PreviewPath(string slug) => $"/preview/{slug}?{Cadence.Contract.PreviewLink.Query(PreviewSecret, slug, DateTimeOffset.UtcNow)}";

    public static Task<(int ExitCode, string Output)> BuildAsync(params string[] args) => BuildWithAsync(null, args);

    public static Task<(int ExitCode, string Output)> BuildWithAsync(string? native, params string[] args) => RunWithAsync(native, ["build", .. args]);

    /// <summary>Any verb and options, run to its end.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunWithAsync(null, args);

    private static async Task<(int ExitCode, string Output)> RunWithAsync(string? native, string[] args)
    {
        await using var build = Start(native, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await build._process.WaitForExitAsync(timeout.Token);
        build._process.WaitForExit(); // drains the output readers
        return (build._process.ExitCode, build.Output);
    }

    /// <summary>Starts <c>serve</c> on a free loopback port and waits until it answers.</summary>
    public static Task<(SiteCommand Server, string BaseUrl)> ServeAsync(params string[] args) => ServeWithAsync(null, args);

    public static Task<(SiteCommand Server, string BaseUrl)> ServeWithAsync(string? native, params string[] args) =>
        ServeOnAsync(CmsProcess.FreePort(), native, args);

    /// <summary>Starts <c>serve</c> on a port chosen beforehand (when the CMS must know the site's address first).</summary>
    public static async Task<(SiteCommand Server, string BaseUrl)> ServeOnAsync(int port, string? native, params string[] args)
    {
        var server = Start(native, ["serve", .. args, "--port", port.ToString()]);
        var baseUrl = $"http://127.0.0.1:{port}";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited) throw new InvalidOperationException("serve exited:\n" + server.Output);
            try
            {
                if ((await client.GetAsync(baseUrl + "/")).IsSuccessStatusCode) return (server, baseUrl);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("serve did not answer:\n" + server.Output);
    }

    private static SiteCommand Start(string? native, string[] args)
    {
        var start = new ProcessStartInfo(native ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (native is null) start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var command = new SiteCommand(Process.Start(start)!);
        command._process.OutputDataReceived += (_, e) => command.Append(e.Data);
        command._process.ErrorDataReceived += (_, e) => command.Append(e.Data);
        command._process.BeginOutputReadLine();
        command._process.BeginErrorReadLine();
        return command;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Sends SIGTERM, as a service manager stopping serve would; returns the exit code, or null if it is still running after <paramref name="wait"/>.</summary>
    public async Task<int?> TerminateAsync(TimeSpan wait)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
