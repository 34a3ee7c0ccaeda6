using AngleSharp.Html.Parser;
using Cadence.Site.Render;
using Cadence.Site.Write;

namespace Cadence.Site.Tests;

/// <summary>Builds over HTTP from a CMS stand-in, and checks the failures a person sees on the command line.</summary>
public class ApiBuildTests
{
    private string _root = "";

    [SetUp]
    public void Create() => _root = Directory.CreateTempSubdirectory("cadence-api-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Build_over_the_api_follows_pagination_and_downloads_media()
    {
        await using var cms = await FakeCms.StartAsync(posts: 5);
        var output = Path.Combine(_root, "site");
        var result = await SiteBuild.RunAsync(new BuildOptions(output, cms.Url, FakeCms.ContentKey), new BuildProgress(false));

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "posts/post-1/index.html")));
        Assert.Multiple(() =>
        {
            Assert.That(cms.PostPageRequests, Is.EqualTo(3));
            Assert.That(result.Model.Posts.Select(p => p.Slug), Is.EqualTo(new[] { "post-5", "post-4", "post-3", "post-2", "post-1" }));
            Assert.That(page.QuerySelector("form#form-knee-pain-ebook")!.GetAttribute("action"), Is.EqualTo("https://cms.fake.example/forms/knee-pain-ebook"));
            Assert.That(page.QuerySelector(".featured img")!.GetAttribute("width"), Is.EqualTo("1200"));
            Assert.That(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Is.EqualTo("https://fake.example/posts/post-1/"));
            foreach (var media in new[] { "knee.png", "avatar.png", "inline.png" })
                Assert.That(File.ReadAllBytes(Path.Combine(output, "media", media)), Is.EqualTo(TestContent.Png), media);
            Assert.That(File.Exists(Path.Combine(output, "thanks/knee-pain-ebook/index.html")), Is.True);
            var redirect = File.ReadAllText(Path.Combine(output, "posts/old-knee-post/index.html"));
            Assert.That(redirect, Does.Contain("http-equiv=\"refresh\"").And.Contain("/posts/post-1/"));
            Assert.That(File.ReadAllText(Path.Combine(output, "_redirects")), Is.EqualTo("/posts/old-knee-post/ /posts/post-1/ 301\n"));
            Assert.That(BuildManifest.ReadFrom(output)!.ChangesCursor, Is.EqualTo("c42"));
        });
    }

    [Test]
    public async Task A_wrong_key_fails_with_one_line_and_keeps_the_previous_output()
    {
        await using var cms = await FakeCms.StartAsync();
        var output = Path.Combine(_root, "site");
        var good = await SiteProcess.RunAsync("build", "--api", cms.Url.ToString(), "--key", FakeCms.ContentKey, "--out", output);
        Assert.That(good.ExitCode, Is.Zero, good.Stderr);
        Assert.That(good.Stdout, Does.StartWith("Built "));
        var before = TestContent.Snapshot(output);

        var bad = await SiteProcess.RunAsync("build", "--api", cms.Url.ToString(), "--key", "wrong", "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(bad.ExitCode, Is.Not.Zero);
            Assert.That(bad.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(bad.Stderr, Does.Contain("401"));
            Assert.That(TestContent.Snapshot(output).Keys, Is.EqualTo(before.Keys));
            Assert.That(Directory.GetDirectories(_root).Where(d => !d.EndsWith(".cadence-cache", StringComparison.Ordinal)), Has.Exactly(1).Items, "no staging folder is left behind (the build cache stays beside the output)");
        });
    }

    [Test]
    public async Task An_unreachable_cms_fails_with_one_line_and_keeps_the_previous_output()
    {
        var content = TestContent.Create(posts: 2);
        var output = Path.Combine(_root, "site");
        try
        {
            var first = await SiteProcess.RunAsync("build", "--from", content, "--out", output);
            Assert.That(first.ExitCode, Is.Zero, first.Stderr);
            var before = TestContent.Snapshot(output);

            var port = FakeCms.FreePort(); // nothing listens there
            var failed = await SiteProcess.RunAsync("build", "--api", $"http://127.0.0.1:{port}", "--key", "k", "--out", output);
            Assert.Multiple(() =>
            {
                Assert.That(failed.ExitCode, Is.Not.Zero);
                Assert.That(failed.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
                Assert.That(failed.Stderr, Does.Contain("cannot be reached"));
                Assert.That(failed.Stdout, Is.Empty);
                var after = TestContent.Snapshot(output);
                Assert.That(after.Keys, Is.EqualTo(before.Keys));
                Assert.That(after.Keys.All(k => after[k].AsSpan().SequenceEqual(before[k])), Is.True);
            });
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
