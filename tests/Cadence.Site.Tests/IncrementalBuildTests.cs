using Cadence.Site.Render;

namespace Cadence.Site.Tests;

public class IncrementalBuildTests
{
    private string _content = "";
    private string _root = "";

    [SetUp]
    public void Create()
    {
        _content = TestContent.Create(posts: 12);
        _root = Directory.CreateTempSubdirectory("cadence-inc-").FullName;
    }

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(_root, recursive: true);
    }

    private Task<BuildResult> Build(string output) =>
        SiteBuild.RunAsync(new BuildOptions(Path.Combine(_root, output), From: _content), new BuildProgress(false));

    [Test]
    public async Task Same_content_gives_byte_identical_output()
    {
        await Build("a");
        await Build("b");
        var a = TestContent.Snapshot(Path.Combine(_root, "a"));
        var b = TestContent.Snapshot(Path.Combine(_root, "b"));
        Assert.That(b.Keys, Is.EqualTo(a.Keys));
        Assert.That(a.Keys.Where(k => !a[k].AsSpan().SequenceEqual(b[k])), Is.Empty);
    }

    [Test]
    public async Task A_second_build_writes_nothing_and_an_edit_rewrites_only_what_shows_it()
    {
        var first = await Build("site");
        var second = await Build("site");
        Assert.That(second.Counts.Written, Is.Zero);
        Assert.That(second.Counts.Unchanged, Is.EqualTo(first.Counts.Written));
        Assert.That(second.Counts.Deleted, Is.Zero);

        // A post's closing lines change: its page and the three feeds (which carry whole posts) are rewritten;
        // lists, which show only titles and excerpts, are not.
        var path = Path.Combine(_content, "posts", "post-03.md");
        File.WriteAllText(path, File.ReadAllText(path) + "\nA new closing line.\n");
        var third = await Build("site");
        Assert.That(third.Counts.Written, Is.EqualTo(4));
        Assert.That(File.ReadAllText(Path.Combine(_root, "site", "posts", "post-03", "index.html")), Does.Contain("A new closing line."));

        File.Delete(Path.Combine(_content, "posts", "post-01.md"));
        var fourth = await Build("site");
        Assert.That(fourth.Counts.Deleted, Is.GreaterThanOrEqualTo(1));
        Assert.That(Directory.Exists(Path.Combine(_root, "site", "posts", "post-01")), Is.False);
    }

    [Test]
    public void A_folder_that_was_not_built_by_cadence_is_not_replaced()
    {
        var foreign = Path.Combine(_root, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "mine");
        Assert.ThrowsAsync<IOException>(() => Build("foreign"));
        Assert.That(File.ReadAllText(Path.Combine(foreign, "keep.txt")), Is.EqualTo("mine"));
    }
}
