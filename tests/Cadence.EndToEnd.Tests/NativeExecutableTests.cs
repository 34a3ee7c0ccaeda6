using System.Diagnostics;
using System.Net;
using System.Text;
using Cadence.Contract;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The site generator published as a native executable (what the benchmarks time and what a deploy can ship):
/// it must build exactly what the dotnet-hosted build does, from a folder and over the API, and serve, preview and
/// rebuild the same way. Ahead-of-time compilation drops code only reached by reflection, so these run the real
/// published binary rather than trusting the compiler's analysis.
/// </summary>
[NonParallelizable]
public class NativeExecutableTests
{
    private string _folder = "";
    private string _native = "";

    [OneTimeSetUp]
    public async Task Publish()
    {
        _folder = RepoPaths.NewTempFolder("site-native");
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(RepoPaths.Root, "site/Cadence.Site/Cadence.Site.csproj"),
                     "-c", "Release", "-r", "linux-x64", "-o", Path.Combine(_folder, "bin"), "--nologo" })
            publish.ArgumentList.Add(arg);
        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, await output + await errors);
        _native = Path.Combine(_folder, "bin", "Cadence.Site");
        Assert.That(File.Exists(_native), Is.True, "the publish gives a native executable");
        Assert.That(File.Exists(Path.Combine(_folder, "bin", "Cadence.Site.dll")), Is.False, "nothing left for a JIT to compile");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_build_from_the_content_folder_is_byte_identical_to_the_hosted_build()
    {
        var native = await SiteCommand.BuildWithAsync(_native, "--from", RepoPaths.Content, "--out", Path.Combine(_folder, "from-native"));
        var hosted = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", Path.Combine(_folder, "from-hosted"));
        Assert.That(native.ExitCode, Is.Zero, native.Output);
        Assert.That(hosted.ExitCode, Is.Zero, hosted.Output);
        AssertSameFiles(Path.Combine(_folder, "from-native"), Path.Combine(_folder, "from-hosted"));
        // libvips travelled with the executable: the starter images have their variants and pictures.
        Assert.That(Directory.GetFiles(Path.Combine(_folder, "from-native", "media", "variants"), "*.avif"), Is.Not.Empty);
        Assert.That(File.ReadAllText(Path.Combine(_folder, "from-native", "posts", "knee-pain-when-running", "index.html")),
            Does.Contain("<picture><source type=\"image/avif\" srcset=\"/media/variants/"));
    }

    [Test]
    public async Task A_build_over_the_api_is_byte_identical_to_the_hosted_build()
    {
        await using var cms = await CmsServer.StartAsync();
        await cms.ImageVariantsMadeAsync();
        var native = await SiteCommand.BuildWithAsync(_native, "--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", Path.Combine(_folder, "api-native"));
        var hosted = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", Path.Combine(_folder, "api-hosted"));
        Assert.That(native.ExitCode, Is.Zero, native.Output);
        Assert.That(hosted.ExitCode, Is.Zero, hosted.Output);
        Assert.That(Directory.Exists(Path.Combine(_folder, "api-native", "posts", "knee-pain-when-running")), Is.True);
        AssertSameFiles(Path.Combine(_folder, "api-native"), Path.Combine(_folder, "api-hosted"));
    }

    [Test]
    public async Task A_wrong_key_stops_with_one_line_and_a_non_zero_exit_code()
    {
        await using var cms = await CmsServer.StartAsync();
        var (exitCode, output) = await SiteCommand.BuildWithAsync(_native, "--api", cms.BaseUrl, "--key", "not-the-key", "--out", Path.Combine(_folder, "wrong-key"));
        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1), output);
        Assert.That(Directory.Exists(Path.Combine(_folder, "wrong-key")), Is.False);
    }

    [Test]
    public async Task Serve_rebuilds_on_a_signed_request_refuses_an_unsigned_one_and_previews_drafts()
    {
        await using var cms = await CmsServer.StartAsync();
        const string secret = "native-serve-webhook-secret";
        var (serve, siteUrl) = await SiteCommand.ServeWithAsync(_native, "--api", cms.BaseUrl, "--key", cms.ContentKey,
            "--preview-key", cms.PreviewKey, "--preview-secret", SiteCommand.PreviewSecret, "--webhook-secret", secret, "--out", Path.Combine(_folder, "serve"));
        await using var _ = serve;
        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };

        using var unsigned = await site.PostAsync("/_cadence/rebuild", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), serve.Output);
        Assert.That(unsigned.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await unsigned.Content.ReadAsStringAsync(), Does.Contain("\"status\":401"));

        var body = "{}"u8.ToArray();
        using var signed = new HttpRequestMessage(HttpMethod.Post, "/_cadence/rebuild") { Content = new ByteArrayContent(body) };
        signed.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body));
        using var accepted = await site.SendAsync(signed);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), serve.Output);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (serve.Output.Split('\n').Count(l => l.StartsWith("Built ", StringComparison.Ordinal)) < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.That(serve.Output.Split('\n').Count(l => l.StartsWith("Built ", StringComparison.Ordinal)), Is.EqualTo(2), serve.Output);

        using var preview = await site.GetAsync(SiteCommand.PreviewPath("cadence-and-stride-length"));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK), serve.Output);
        Assert.That(await preview.Content.ReadAsStringAsync(), Does.Contain("Cadence and stride length"));
        Assert.That(await site.GetStringAsync("/posts/knee-pain-when-running/"), Does.Contain("<h1"));
    }

    private static void AssertSameFiles(string actual, string expected)
    {
        var actualFiles = Files(actual);
        var expectedFiles = Files(expected);
        Assert.That(actualFiles.Keys, Is.EqualTo(expectedFiles.Keys));
        Assert.That(expectedFiles.Keys.Where(k => !expectedFiles[k].AsSpan().SequenceEqual(actualFiles[k])), Is.Empty, "files that differ");
    }

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);
}
