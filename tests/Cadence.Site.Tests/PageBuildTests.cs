using Cadence.Site.Render;

namespace Cadence.Site.Tests;

/// <summary>Pages (content/pages/*.md) in folder builds: at /{slug}/, and rebuilt alone when only their text changes.</summary>
public class PageBuildTests
{
    private string _content = "";
    private string _root = "";

    [SetUp]
    public void Create()
    {
        _content = TestContent.Create(posts: 12);
        _root = Directory.CreateTempSubdirectory("cadence-pages-").FullName;
        Directory.CreateDirectory(Path.Combine(_content, "pages"));
        WritePage("about", "About us", "We are a small clinic.");
        WritePage("privacy", "Privacy", "We keep little.");
    }

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(_root, recursive: true);
    }

    private void WritePage(string slug, string title, string body) => File.WriteAllText(Path.Combine(_content, "pages", slug + ".md"),
        $"---\ntitle: {title}\nslug: {slug}\ndate: 2026-09-01T09:00:00+01:00\nstatus: published\nexcerpt: {title} of the clinic.\n---\n\n{body}\n");

    private Dictionary<string, byte[]> Files(string output)
    {
        var root = Path.Combine(_root, output);
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);
    }

    private Task<BuildResult> Build(string output) =>
        SiteBuild.RunAsync(new BuildOptions(Path.Combine(_root, output), From: _content), new BuildProgress(false));

    [Test]
    public async Task A_page_is_built_at_its_own_address_and_an_edit_rewrites_only_that_page()
    {
        await Build("site");
        var about = Path.Combine(_root, "site", "about", "index.html");
        Assert.That(File.ReadAllText(about), Does.Contain("<h1>About us</h1>").And.Contain("We are a small clinic."));
        Assert.That(File.ReadAllText(Path.Combine(_root, "site", "index.html")), Does.Contain("href=\"/privacy/\""), "the footer links pages");

        var before = Files("site");
        WritePage("about", "About us", "We are a small clinic by the park.");
        var edited = await Build("site");
        var after = Files("site");
        var changed = after.Keys.Where(k => !before.TryGetValue(k, out var old) || !old.AsSpan().SequenceEqual(after[k])).ToList();
        // The search index holds the page's words, so its few affected files change with it.
        Assert.That(changed.Where(k => !k.StartsWith("search/", StringComparison.Ordinal)), Is.EqualTo(new[] { "about/index.html" }), "only the page itself");
        Assert.That(edited.Counts.Written, Is.GreaterThanOrEqualTo(1));
        Assert.That(File.ReadAllText(about), Does.Contain("by the park"));
        await AssertSameAsCleanBuild("site");

        File.Delete(Path.Combine(_content, "pages", "privacy.md"));
        await Build("site");
        Assert.That(File.Exists(Path.Combine(_root, "site", "privacy", "index.html")), Is.False, "a removed page leaves the site");
        Assert.That(File.ReadAllText(Path.Combine(_root, "site", "index.html")), Does.Not.Contain("href=\"/privacy/\""));
        await AssertSameAsCleanBuild("site");
    }

    [Test]
    public async Task A_page_that_asks_for_one_of_the_sites_own_addresses_is_left_out_and_named()
    {
        WritePage("archive", "Archive", "Old things.");
        var result = await Build("site");
        Assert.That(result.Problems, Has.Exactly(1).Contains("the site uses /archive/ itself"));
        Assert.That(File.ReadAllText(Path.Combine(_root, "site", "archive", "index.html")), Does.Not.Contain("Old things."), "the site's own archive stays");
    }

    private async Task AssertSameAsCleanBuild(string output)
    {
        var clean = "clean-" + Guid.NewGuid().ToString("N");
        await Build(clean);
        var expected = TestContent.Snapshot(Path.Combine(_root, clean));
        var actual = TestContent.Snapshot(Path.Combine(_root, output));
        Assert.That(actual.Keys, Is.EqualTo(expected.Keys));
        Assert.That(expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])), Is.Empty, "files that differ from a clean build");
    }
}
