using Cadence.Site.Build;
using Cadence.Site.Render;
using Cadence.Site.Write;

namespace Cadence.Site.Tests;

/// <summary>
/// A build that starts from the last build's manifest and build cache without its output (what CI's bucket job
/// restores) writes exactly the files whose bytes changed, as a clean build writes them, beside the manifest of the
/// whole site: laid over the last output, with the files the manifest no longer lists taken away, it is the clean build.
/// </summary>
public class StateOnlyBuildTests
{
    private string _content = "";
    private string _root = "";

    [SetUp]
    public void Create()
    {
        _content = TestContent.Create(posts: 30);
        _root = Directory.CreateTempSubdirectory("cadence-state-").FullName;
    }

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(_root, recursive: true);
    }

    private Task<BuildResult> Build(string output) =>
        SiteBuild.RunAsync(new BuildOptions(Path.Combine(_root, output), From: _content), new BuildProgress(false));

    /// <summary>What the next job restores: the manifest in an otherwise empty output folder, and the build cache beside it.</summary>
    private string StateOnly(string from, string output)
    {
        var folder = Path.Combine(_root, output);
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(from, BuildManifest.FileName), Path.Combine(folder, BuildManifest.FileName));
        Directory.CreateDirectory(BuildCache.FolderFor(folder));
        foreach (var file in Directory.GetFiles(BuildCache.FolderFor(from)))
            File.Copy(file, Path.Combine(BuildCache.FolderFor(folder), Path.GetFileName(file)));
        return folder;
    }

    [TestCase("title: Post number 6", "title: A renamed sixth post")]
    [TestCase("Opening paragraph of post 6", "A new opening for post 6")]
    public async Task Written_files_laid_over_the_last_output_give_the_clean_build(string from, string to)
    {
        await Build("last");
        var last = Path.Combine(_root, "last");
        var state = StateOnly(last, "state");
        var path = Path.Combine(_content, "posts", "post-06.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to));
        File.Delete(Path.Combine(_content, "posts", "post-08.md"));

        var result = await Build("state");
        await Build("clean");
        var clean = Path.Combine(_root, "clean");

        var before = TestContent.Snapshot(last);
        var written = TestContent.Snapshot(state);
        var expected = TestContent.Snapshot(clean);
        var manifest = written[BuildManifest.FileName];
        written.Remove(BuildManifest.FileName);
        var changed = expected.Keys.Where(k => k != BuildManifest.FileName && (!before.TryGetValue(k, out var old) || !old.AsSpan().SequenceEqual(expected[k])));
        Assert.Multiple(() =>
        {
            Assert.That(written.Keys, Is.EquivalentTo(changed), "exactly the files whose bytes changed");
            Assert.That(written.Keys.Where(k => !written[k].AsSpan().SequenceEqual(expected[k])), Is.Empty, "each as a clean build writes it");
            Assert.That(written.Keys, Has.Count.LessThan(expected.Count - 1).And.Count.EqualTo(result.Counts.Written));
            Assert.That(BuildManifest.ReadFrom(state)!.Files, Is.EquivalentTo(BuildManifest.ReadFrom(clean)!.Files), "the manifest lists the whole site");
            Assert.That(manifest, Is.Not.Empty);
        });
        Assert.That(expected.Keys.Where(k => k.StartsWith("posts/post-08/", StringComparison.Ordinal)), Is.Empty);
        Assert.That(BuildManifest.ReadFrom(state)!.Files.Keys, Has.None.StartsWith("posts/post-08/"), "a removed post leaves the manifest");

        // The next build from this state alone finds nothing to write.
        var again = StateOnly(state, "again");
        Assert.That((await Build("again")).Counts.Written, Is.Zero);
        Assert.That(Directory.GetFiles(again, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EqualTo(new[] { BuildManifest.FileName }));
    }
}
