namespace Cadence.Site.Tests.Hostile;

/// <summary><c>build --from tests/HostileContent</c>: every bad file named on one line, the rest built, nothing unsafe written.</summary>
public class HostileFolderBuildTests
{
    private static string HostileContent => Path.Combine(Testing.RepoPaths.Root, "tests", "HostileContent");

    private string _root = "";

    [SetUp]
    public void Create() => _root = Directory.CreateTempSubdirectory("cadence-hostile-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_folder_of_bad_files_builds_the_good_ones_and_names_each_bad_one()
    {
        var output = Path.Combine(_root, "site");
        var (exitCode, stdout, stderr) = await SiteProcess.RunAsync("build", "--from", HostileContent, "--out", output);
        var lines = stderr.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(3), stderr);
            Assert.That(stdout, Does.StartWith("Built "));
            Assert.That(stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack dump");
            foreach (var bad in new[] { "bad-yaml.md", "far-future.md", "far-future-utc.md", "traversal-slug.md", "bad-slug.md", "duplicate-slug.md",
                         "no-front-matter.md", "no-title.md", "bad-status.md", "outside.md", "archive.md", "bad-key.yml", "broken.yml" })
                Assert.That(lines.Count(l => l.Contains(bad, StringComparison.Ordinal)), Is.EqualTo(1), bad + " is named once");
            Assert.That(stderr, Does.Contain("authors.yml").And.Contain("javascript:alert(1)").And.Contain("../../escape"));
            Assert.That(stderr, Does.Contain("site.yml").And.Contain("//evil.example/"));
        });

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetDirectories(Path.Combine(output, "posts")).Select(Path.GetFileName), Has.Some.StartsWith("bil-u-kolini"), "the Kyiv post");
            Assert.That(Directory.GetDirectories(Path.Combine(output, "posts")).Select(Path.GetFileName), Has.Some.Match("^post-[0-9a-f]{8}$"), "the fallback slug");
            Assert.That(Directory.GetDirectories(Path.Combine(output, "posts")), Has.Length.GreaterThanOrEqualTo(6));
            Assert.That(files.All(f => Path.GetFullPath(f).StartsWith(Path.GetFullPath(output) + Path.DirectorySeparatorChar, StringComparison.Ordinal)), Is.True);
            Assert.That(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName), Is.EquivalentTo(new[] { "site", ".site.cadence-cache" }), "nothing written beside the output");
        });
        AssertSafe(output, files);
    }

    /// <summary>Every HTML page parsed and checked element by element; every other text output checked for script-running addresses.</summary>
    public static void AssertSafe(string output, IEnumerable<string> files)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(output, file);
            var extension = Path.GetExtension(file);
            if (extension == ".html") found.AddRange(UnsafeOutput.In(File.ReadAllText(file), ownForms: "http://127.0.0.1:5000", allowStyle: true).Select(p => $"{relative}: {p}"));
            else if (extension is ".xml" or ".json" or ".txt" or "") found.AddRange(UnsafeOutput.InText(File.ReadAllText(file)).Select(p => $"{relative}: {p}"));
        }
        Assert.That(found, Is.Empty);
    }
}
