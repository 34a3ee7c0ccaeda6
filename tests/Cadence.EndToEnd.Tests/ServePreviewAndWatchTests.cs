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
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--preview-key", cms.PreviewKey, "--out", output);
        await using var _ = serve;
        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };

        using var preview = await site.GetAsync("/preview/cadence-and-stride-length");
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK), serve.Output);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Cadence and stride length"));
        Assert.That(preview.Headers.GetValues("X-Robots-Tag"), Does.Contain("noindex"), "a preview is never indexed");
        Assert.That(preview.Headers.CacheControl?.NoStore, Is.True);

        using var published = await site.GetAsync("/posts/cadence-and-stride-length/");
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the draft is not on the built site");

        using var missing = await site.GetAsync("/preview/no-such-post");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
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
