using System.Net;

namespace Cadence.EndToEnd.Tests;

/// <summary>The site's preview server: drafts at /preview/{slug} with the preview key, and rebuilds on file changes.</summary>
public class ServePreviewAndWatchTests
{
    [Test]
    public async Task A_draft_is_previewed_with_the_preview_key_and_stays_off_the_built_site()
    {
        await using var cms = await CmsServer.StartAsync();
        var output = Path.Combine(RepoPaths.NewTempFolder("serve-preview"), "site");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--preview-key", cms.PreviewKey,
            "--preview-secret", SiteCommand.PreviewSecret, "--out", output);
        await using var _ = serve;
        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };

        using var preview = await site.GetAsync(SiteCommand.PreviewPath("cadence-and-stride-length"));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK), serve.Output);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Cadence and stride length"));
        Assert.That(preview.Headers.GetValues("X-Robots-Tag"), Does.Contain("noindex"), "a preview is never indexed");
        Assert.That(preview.Headers.CacheControl?.NoStore, Is.True);

        using var published = await site.GetAsync("/posts/cadence-and-stride-length/");
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the draft is not on the built site");

        using var missing = await site.GetAsync(SiteCommand.PreviewPath("no-such-post"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var signedForAnother = SiteCommand.PreviewPath("knee-pain-when-running").Replace("knee-pain-when-running", "cadence-and-stride-length", StringComparison.Ordinal);
        var expired = "/preview/cadence-and-stride-length?" + Cadence.Contract.PreviewLink.Query(SiteCommand.PreviewSecret, "cadence-and-stride-length", DateTimeOffset.UtcNow.AddDays(-1));
        var otherSecret = "/preview/cadence-and-stride-length?" + Cadence.Contract.PreviewLink.Query("not-the-preview-secret", "cadence-and-stride-length", DateTimeOffset.UtcNow);
        foreach (var refused in new[] { "/preview/cadence-and-stride-length", signedForAnother, expired, otherSecret })
        {
            using var answer = await site.GetAsync(refused);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), refused);
            Assert.That(await answer.Content.ReadAsStringAsync(), Does.Not.Contain("Cadence and stride length"), refused);
        }
    }

    [Test]
    public async Task A_preview_key_without_a_preview_secret_is_refused_at_start()
    {
        var (exitCode, output) = await SiteCommand.RunAsync("serve", "--out", Path.Combine(RepoPaths.NewTempFolder("serve-no-secret"), "site"),
            "--api", "http://127.0.0.1:9", "--key", "k", "--preview-key", "p");
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("--preview-secret"));
    }

    [Test]
    public async Task Serve_sends_the_built_security_headers_never_redirects_off_site_and_stops_on_sigterm()
    {
        var output = Path.Combine(RepoPaths.NewTempFolder("serve-headers"), "site");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--from", RepoPaths.Content, "--out", output);
        await using var _ = serve;
        using var site = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(siteUrl) };

        var rules = File.ReadAllLines(Path.Combine(output, "_headers")).Skip(1).Select(l => l.Trim().Split(": ", 2)).ToList();
        Assert.That(rules.Select(r => r[0]), Is.SupersetOf(new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy" }));
        foreach (var path in new[] { "/", "/posts/shin-splints/", "/no-such-page/" })
        {
            using var page = await site.GetAsync(path);
            foreach (var rule in rules)
                Assert.That(page.Headers.TryGetValues(rule[0], out var values) ? values.Single() : null, Is.EqualTo(rule[1]), $"{path} {rule[0]}");
            Assert.That(page.Headers.Server, Is.Empty, $"{path}: what serves the site is nobody's business");
        }
        Assert.That((await site.GetAsync("/_headers")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the host's rules are not a page");

        foreach (var path in new[] { "//posts", "/posts", "///posts", "/%2F/posts" })
        {
            using var redirect = await site.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(siteUrl + path)));
            if (redirect.Headers.Location is not { } location) continue;
            Assert.That(location.OriginalString, Does.StartWith("/").And.Not.StartWith("//").And.Not.StartWith("/\\"), path);
        }
        using var slashless = await site.GetAsync(new Uri(siteUrl + "//posts"));
        Assert.That(slashless.Headers.Location?.OriginalString, Is.EqualTo("/posts/"));

        Assert.That(await serve.TerminateAsync(TimeSpan.FromSeconds(10)), Is.Zero, serve.Output);
    }

    [Test]
    public async Task Without_a_preview_key_there_is_no_preview()
    {
        await using var cms = await CmsServer.StartAsync();
        var output = Path.Combine(RepoPaths.NewTempFolder("serve-no-preview"), "site");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
        await using var _ = serve;
        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };
        using var preview = await site.GetAsync("/preview/cadence-and-stride-length");
        Assert.That(preview.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        Assert.That(await preview.Content.ReadAsStringAsync(), Does.Not.Contain("Cadence and stride length"));
    }

    [Test]
    public async Task Watching_a_content_folder_rebuilds_after_a_post_changes()
    {
        var content = RepoPaths.NewTempFolder("watched-content");
        CopyFolder(RepoPaths.Content, content);
        var output = Path.Combine(RepoPaths.NewTempFolder("watched-site"), "site");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--from", content, "--out", output, "--watch", content);
        await using var _ = serve;
        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };
        Assert.That(await site.GetStringAsync("/posts/shin-splints/"), Does.Not.Contain("Shin splints, revisited"));

        var file = Path.Combine(content, "posts", "shin-splints.md");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, System.Text.RegularExpressions.Regex.Replace(text, "(?m)^title: .*$", "title: \"Shin splints, revisited\""));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string page;
        do
        {
            await Task.Delay(200);
            page = await site.GetStringAsync("/posts/shin-splints/");
        } while (!page.Contains("Shin splints, revisited") && DateTime.UtcNow < deadline);
        Assert.That(page, Does.Contain("Shin splints, revisited"), serve.Output);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to), overwrite: true);
    }
}
