namespace Cadence.EndToEnd.Tests;

/// <summary>The real CMS over tests/HostileContent, and the site built from its API: no crash, nothing unsafe in any file.</summary>
public class HostileApiBuildTests
{
    private static readonly string[] Unsafe = ["javascript:", "vbscript:", "data:text/html", "<iframe", "<svg onload", "onerror=", "onclick=", "evil.example/steal"];

    [Test]
    public async Task The_site_builds_over_the_api_of_a_cms_that_imported_hostile_content()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:ContentPath"] = Path.Combine(RepoPaths.Root, "tests", "HostileContent"),
        });
        var folder = RepoPaths.NewTempFolder("site-hostile");
        var output = Path.Combine(folder, "out");
        try
        {
            var build = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
            Assert.That(build.ExitCode, Is.Zero, build.Output);
            Assert.That(build.Output, Does.StartWith("Built ").And.Not.Contain("   at "));
            Assert.That(Directory.Exists(Path.Combine(output, "posts", "deep-nesting")), Is.True);

            var found = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetExtension(f) is ".html" or ".xml" or ".json")
                .SelectMany(f => Unsafe.Where(u => File.ReadAllText(f).Contains(u, StringComparison.OrdinalIgnoreCase)).Select(u => $"{Path.GetRelativePath(output, f)}: {u}"))
                .ToList();
            Assert.That(found, Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
