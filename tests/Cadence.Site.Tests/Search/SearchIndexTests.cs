using Cadence.Site.Build;
using Cadence.Site.Outputs.Search;
using Cadence.Site.Render;

namespace Cadence.Site.Tests.Search;

/// <summary>The split full-text index a folder build writes under /search/.</summary>
public class SearchIndexTests
{
    private string _content = "";
    private string _root = "";

    [SetUp]
    public void Create()
    {
        _content = TestContent.Create(posts: 30);
        _root = Directory.CreateTempSubdirectory("cadence-search-").FullName;
        var post = Path.Combine(_content, "posts", "post-07.md");
        File.WriteAllText(post, File.ReadAllText(post) + "\nDeep in the body: the zygomatic arch, and a Café visit.\n");
        File.WriteAllText(Path.Combine(_content, "posts", "draft.md"), "---\ntitle: A draft\nstatus: draft\n---\nA xylophone lesson.\n");
        Directory.CreateDirectory(Path.Combine(_content, "pages"));
        File.WriteAllText(Path.Combine(_content, "pages", "about.md"),
            "---\ntitle: About us\nslug: about\nstatus: published\n---\nWe are a clinic of quokka keepers.\n");
    }

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(_root, recursive: true);
    }

    private async Task<string> Build(string name = "site")
    {
        var output = Path.Combine(_root, name);
        await SiteBuild.RunAsync(new BuildOptions(output, From: _content), new BuildProgress(false));
        return output;
    }

    [Test]
    public async Task A_word_only_in_a_body_finds_its_post_pages_are_found_and_drafts_are_not()
    {
        var site = new SearchIndexReader(await Build());
        Assert.Multiple(() =>
        {
            Assert.That(site.Urls("zygomatic"), Is.EqualTo(new[] { "/posts/post-07/" }));
            Assert.That(site.Urls("CAFE"), Is.EqualTo(new[] { "/posts/post-07/" }), "case and accents fold");
            Assert.That(site.Urls("quokka"), Is.EqualTo(new[] { "/about/" }));
            Assert.That(site.Urls("xylophone"), Is.Empty);
            Assert.That(site.Urls("runs section"), Has.Count.EqualTo(30), "'runs' and 'running' share a stem; every word must match");
            Assert.That(site.Urls("email address"), Is.Empty, "a form's labels are not content");
        });
    }

    [Test]
    public async Task A_query_reads_only_its_words_shards()
    {
        var output = await Build();
        var site = new SearchIndexReader(output);
        site.Urls("zygomatic running");
        var shards = Directory.GetFiles(Path.Combine(output, "search", "t"));
        Assert.That(shards, Has.Length.GreaterThan(20));
        Assert.That(site.FilesRead.Count(f => f.StartsWith("search/t/", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task A_one_post_edit_rewrites_few_index_files()
    {
        var output = await Build();
        var before = TestContent.Snapshot(Path.Combine(output, "search"));
        var path = Path.Combine(_content, "posts", "post-25.md");
        File.WriteAllText(path, File.ReadAllText(path) + "\nA new closing line.\n");
        await Build();
        var after = TestContent.Snapshot(Path.Combine(output, "search"));

        var changed = after.Keys.Where(f => !before.TryGetValue(f, out var old) || !old.AsSpan().SequenceEqual(after[f])).ToList();
        // The shards of "new", "closing" and "line"; the post's list chunk; its text; the manifest (the old names go).
        Assert.That(changed, Has.Count.LessThanOrEqualTo(6), string.Join(", ", changed));
        Assert.That(changed, Does.Contain("index.json"));
        Assert.That(after, Has.Count.GreaterThan(changed.Count * 5));
        Assert.That(new SearchIndexReader(output).Urls("closing"), Is.EqualTo(new[] { "/posts/post-25/" }));
    }

    [TestCase("edit", TestName = "An incremental build after one post is edited writes the index a clean build writes")]
    [TestCase("remove", TestName = "An incremental build after a post is removed writes the index a clean build writes")]
    [TestCase("add", TestName = "An incremental build after a post is added between others writes the index a clean build writes")]
    public async Task An_incremental_build_writes_the_index_a_clean_build_of_the_same_content_writes(string change)
    {
        var output = await Build();
        Assert.That(Path.Combine(BuildCache.FolderFor(output), "search.bin"), Does.Exist, "the next build has the index to compare with");
        var posts = Path.Combine(_content, "posts");
        switch (change)
        {
            case "edit":
                File.AppendAllText(Path.Combine(posts, "post-12.md"), "\nA closing paragraph about kettlebells.\n");
                break;
            case "remove":
                // Every newer post's id moves down by one, so most shards change.
                File.Delete(Path.Combine(posts, "post-07.md"));
                break;
            case "add":
                File.WriteAllText(Path.Combine(posts, "inserted.md"), TestContent.Post(15)
                    .Replace("slug: post-15", "slug: inserted", StringComparison.Ordinal)
                    .Replace("Post number 15", "An inserted post on kettlebells", StringComparison.Ordinal));
                break;
        }
        await Build();
        var incremental = TestContent.Snapshot(Path.Combine(output, "search"));
        var clean = TestContent.Snapshot(Path.Combine(await Build("clean"), "search"));

        Assert.That(incremental.Keys, Is.EqualTo(clean.Keys));
        Assert.That(clean.Keys.Where(k => !clean[k].AsSpan().SequenceEqual(incremental[k])), Is.Empty);
        var site = new SearchIndexReader(output);
        Assert.Multiple(() =>
        {
            Assert.That(site.Urls("zygomatic"), change == "remove" ? Is.Empty : Is.EqualTo(new[] { "/posts/post-07/" }));
            Assert.That(site.Urls("kettlebell"), Is.EqualTo(change switch
            {
                "edit" => new[] { "/posts/post-12/" },
                "add" => ["/posts/inserted/"],
                _ => Array.Empty<string>(),
            }));
            Assert.That(site.Urls("runs section"), Has.Count.EqualTo(change switch { "remove" => 29, "add" => 31, _ => 30 }));
        });
    }

    [Test]
    public async Task Two_builds_of_the_same_content_write_the_same_index()
    {
        var a = TestContent.Snapshot(Path.Combine(await Build("a"), "search"));
        var b = TestContent.Snapshot(Path.Combine(await Build("b"), "search"));
        Assert.That(b.Keys, Is.EqualTo(a.Keys));
        Assert.That(a.Keys.Where(k => !a[k].AsSpan().SequenceEqual(b[k])), Is.Empty);
    }

    [Test]
    public void Words_fold_and_stem_alike()
    {
        Assert.That(SearchText.Terms("Running RUNS run runner's Café", english: true),
            Is.EqualTo(new[] { "run", "run", "run", "runner", "cafe" }));
        Assert.That(SearchText.Terms("Running", english: false), Is.EqualTo(new[] { "running" }));
    }
}
