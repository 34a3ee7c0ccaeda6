using AngleSharp.Html.Parser;

namespace Cadence.EndToEnd.Tests;

/// <summary>The real CMS on 127.0.0.1 with the starter content; the site is built from it over HTTP.</summary>
public class CmsBuildTests
{
    [Test]
    public async Task The_site_builds_over_the_delivery_api_of_the_real_cms()
    {
        await using var cms = await CmsServer.StartAsync();
        var folder = RepoPaths.NewTempFolder("site-api");
        var output = Path.Combine(folder, "out");
        try
        {
            var build = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
            Assert.That(build.ExitCode, Is.Zero, build.Output);
            Assert.That(build.Output, Does.StartWith("Built "));

            var post = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "posts/knee-pain-when-running/index.html")));
            Assert.Multiple(() =>
            {
                Assert.That(post.QuerySelector("h1")!.TextContent, Is.EqualTo("Knee pain when running"));
                Assert.That(post.QuerySelector("form#form-knee-pain-ebook")!.GetAttribute("action"), Does.EndWith("/forms/knee-pain-ebook"));
                var image = post.QuerySelector(".featured img")!.GetAttribute("src")!;
                Assert.That(File.Exists(Path.Combine(output, image.TrimStart('/'))), Is.True, image);
                Assert.That(Directory.Exists(Path.Combine(output, "posts/cadence-and-stride-length")), Is.False, "drafts stay out");
                Assert.That(File.Exists(Path.Combine(output, "feed.xml")), Is.True);
                Assert.That(File.Exists(Path.Combine(output, "thanks/knee-pain-ebook/index.html")), Is.True);
            });

            var again = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
            Assert.That(again.Output, Does.Contain(" 0 written"));

            var refused = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", "not-the-key-000000000000000", "--out", output);
            Assert.That(refused.ExitCode, Is.Not.Zero);
            Assert.That(refused.Output, Does.Contain("401"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
