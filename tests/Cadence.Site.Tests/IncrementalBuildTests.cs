using Cadence.Site.Render;

namespace Cadence.Site.Tests;

public class IncrementalBuildTests
{
    private string _content = "";
    private string _root = "";

    [SetUp]
    public void Create()
    {
        _content = TestContent.Create(posts: 30);
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
        var path = Path.Combine(_content, "posts", "post-25.md");
        File.WriteAllText(path, File.ReadAllText(path) + "\nA new closing line.\n");
        var beforeEdit = TestContent.Snapshot(Path.Combine(_root, "site"));
        var third = await Build("site");
        var search = Changed(beforeEdit, TestContent.Snapshot(Path.Combine(_root, "site"))).Count(f => f.StartsWith("search/", StringComparison.Ordinal) && File.Exists(Path.Combine(_root, "site", f)));
        Assert.That(third.Counts.Written, Is.EqualTo(4 + search), "the page, the feeds and the search files holding its new words");
        Assert.That(File.ReadAllText(Path.Combine(_root, "site", "posts", "post-25", "index.html")), Does.Contain("A new closing line."));

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

    /// <summary>A clean build of the same content into a new folder gives the same files, byte for byte.</summary>
    private async Task AssertSameAsCleanBuild(string output)
    {
        var clean = "clean-" + Guid.NewGuid().ToString("N");
        await Build(clean);
        var expected = TestContent.Snapshot(Path.Combine(_root, clean));
        var actual = TestContent.Snapshot(Path.Combine(_root, output));
        Assert.That(actual.Keys, Is.EqualTo(expected.Keys));
        Assert.That(expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])), Is.Empty, "files that differ from a clean build");
    }

    private static string[] Changed(SortedDictionary<string, byte[]> before, SortedDictionary<string, byte[]> after) =>
        after.Keys.Where(k => !before.TryGetValue(k, out var old) || !old.AsSpan().SequenceEqual(after[k]))
            .Concat(before.Keys.Where(k => !after.ContainsKey(k))).Order(StringComparer.Ordinal).ToArray();

    [Test]
    public async Task An_edited_body_rewrites_only_its_page_and_the_result_equals_a_clean_build()
    {
        await Build("site");
        var before = TestContent.Snapshot(Path.Combine(_root, "site"));
        var path = Path.Combine(_content, "posts", "post-03.md");
        File.WriteAllText(path, File.ReadAllText(path) + "\nOne more paragraph at the end.\n");

        var result = await Build("site");

        // post-03 is older than the feeds' latest 20 posts, and lists show only its title and excerpt;
        // the search index changes where its new words are.
        var changed = Changed(before, TestContent.Snapshot(Path.Combine(_root, "site")));
        Assert.That(changed.Where(f => !f.StartsWith("search/", StringComparison.Ordinal)),
            Is.EqualTo(new[] { ".cadence-manifest.json", "posts/post-03/index.html" }));
        Assert.That(result.Counts.Written, Is.EqualTo(1 + changed.Count(f => f.StartsWith("search/", StringComparison.Ordinal) && File.Exists(Path.Combine(_root, "site", f)))));
        await AssertSameAsCleanBuild("site");
    }

    [Test]
    public async Task A_touched_but_unchanged_file_writes_nothing()
    {
        await Build("site");
        File.SetLastWriteTimeUtc(Path.Combine(_content, "posts", "post-04.md"), DateTime.UtcNow.AddMinutes(5));
        var result = await Build("site");
        Assert.That(result.Counts.Written, Is.Zero);
        Assert.That(result.Counts.Deleted, Is.Zero);
    }

    [Test]
    public async Task A_new_title_reaches_every_page_that_shows_it()
    {
        await Build("site");
        var before = TestContent.Snapshot(Path.Combine(_root, "site"));
        var path = Path.Combine(_content, "posts", "post-06.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: Post number 6", "title: A renamed sixth post"));

        var result = await Build("site");

        var changed = Changed(before, TestContent.Snapshot(Path.Combine(_root, "site")));
        Assert.That(changed, Does.Contain("posts/post-06/index.html"));
        Assert.That(changed, Does.Contain("posts/post-05/index.html").And.Contain("posts/post-07/index.html"), "the neighbours link it by title");
        Assert.That(changed, Does.Contain("page/3/index.html").And.Contain("tags/strength/page/2/index.html").And.Contain("search/index.json"));
        Assert.That(changed, Does.Contain("posts/post-04/index.html"), "a post that lists it as related");
        Assert.That(changed, Does.Not.Contain("posts/post-01/index.html"), "an unrelated post page is left alone");
        Assert.That(result.Counts.Written, Is.EqualTo(changed.Count(f => File.Exists(Path.Combine(_root, "site", f))) - 1), "every rewritten file, and the manifest");
        await AssertSameAsCleanBuild("site");
    }

    /// <summary>Each front-matter field a post can have, edited one after another, each build checked against a clean one.</summary>
    [TestCase("title: Post number 6", "title: Post six, renamed")]
    [TestCase("date: 2025-01-07T07:00:00+00:00", "date: 2025-01-07T09:30:00+02:00")]
    [TestCase("tags: [Knee pain, Strength]", "tags: [Knee pain, Balance]")]
    [TestCase("categories: [Training]", "categories: [Recovery]")]
    [TestCase("author: ann-lee", "author: Bo Reyes")]
    [TestCase("image: /media/hero.png", "image: /media/avatar.png")]
    [TestCase("image_alt: A runner", "image_alt: A runner on a hill")]
    [TestCase("image_alt: A runner", "image_alt: A runner\nexcerpt: A summary written by hand.")]
    [TestCase("image_alt: A runner", "image_alt: A runner\nseo_title: A title for search")]
    [TestCase("image_alt: A runner", "image_alt: A runner\nseo_description: A description for search")]
    [TestCase("image_alt: A runner", "image_alt: A runner\nsocial_image: /media/avatar.png")]
    [TestCase("image_alt: A runner", "image_alt: A runner\ncanonical_url: https://elsewhere.example/post-6/")]
    [TestCase("Opening paragraph of post 6", "A new opening for post 6")]
    public async Task An_edit_to_any_field_of_a_post_equals_a_clean_build(string from, string to)
    {
        await Build("site");
        var path = Path.Combine(_content, "posts", "post-06.md");
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(path, text.Replace(from, to.Replace("\\n", "\n")));
        var result = await Build("site");
        Assert.That(result.Counts.Written, Is.GreaterThan(0));
        await AssertSameAsCleanBuild("site");
    }

    /// <summary>
    /// An unchanged post keeps its keys from the build cache, but only while what else it is made from is unchanged:
    /// here another post's edit names an author with no profile the way this one does, and the byline this one shows
    /// follows the newer spelling (as in a clean build), so its page and its cards are made again.
    /// </summary>
    [Test]
    public async Task An_unchanged_post_whose_author_is_renamed_by_another_post_equals_a_clean_build()
    {
        var post06 = Path.Combine(_content, "posts", "post-06.md");
        File.WriteAllText(post06, File.ReadAllText(post06).Replace("author: ann-lee", "author: Cy Tran"));
        await Build("site");
        var page = Path.Combine(_root, "site", "posts", "post-06", "index.html");
        Assert.That(File.ReadAllText(page), Does.Contain("Cy Tran"));

        var post07 = Path.Combine(_content, "posts", "post-07.md");
        File.WriteAllText(post07, File.ReadAllText(post07).Replace("author: ann-lee", "author: cy tran"));
        await Build("site");

        Assert.That(File.ReadAllText(page), Does.Contain("cy tran").And.Not.Contain("Cy Tran"), "the unchanged post's byline");
        await AssertSameAsCleanBuild("site");
    }

    [Test]
    public async Task Unpublished_deleted_and_newly_published_posts_match_a_clean_build()
    {
        await Build("site");
        var post05 = Path.Combine(_content, "posts", "post-05.md");
        File.WriteAllText(post05, File.ReadAllText(post05).Replace("author: ann-lee", "author: ann-lee\nstatus: draft"));
        File.Delete(Path.Combine(_content, "posts", "post-08.md"));
        File.WriteAllText(Path.Combine(_content, "posts", "draft.md"), "---\ntitle: A draft no more\ndate: 2025-03-01T07:00:00Z\ntags: [Hips]\n---\nNow live.\n");

        var result = await Build("site");

        var site = Path.Combine(_root, "site");
        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Path.Combine(site, "posts", "post-05")), Is.False, "an unpublished post's page is removed");
            Assert.That(Directory.Exists(Path.Combine(site, "posts", "post-08")), Is.False, "a deleted post's page is removed");
            Assert.That(File.Exists(Path.Combine(site, "posts", "a-draft-no-more", "index.html")), Is.True);
            // The two pages; and index files, as the posts after the removed ones take new numbers.
            Assert.That(result.Counts.Deleted, Is.GreaterThanOrEqualTo(2));
        });
        await AssertSameAsCleanBuild("site");
    }

    [Test]
    public async Task A_changed_site_setting_renders_everything_again_and_equals_a_clean_build()
    {
        await Build("site");
        var siteYml = Path.Combine(_content, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("title: Test Tips", "title: Better Tips"));
        var result = await Build("site");
        var searchFiles = Directory.GetFiles(Path.Combine(_root, "site", "search"), "*", SearchOption.AllDirectories).Length;
        Assert.That(result.Counts.Unchanged, Is.LessThan(20 + searchFiles),
            "every page shows the title; assets, media and their variants, robots.txt, the search index and the like do not");
        Assert.That(result.Counts.Written, Is.GreaterThan(50));
        await AssertSameAsCleanBuild("site");
    }

    [Test]
    public async Task An_image_only_a_draft_shows_is_published_with_the_post_and_removed_with_it()
    {
        File.WriteAllBytes(Path.Combine(_content, "media", "draft-only.png"), TestContent.Png);
        var draft = Path.Combine(_content, "posts", "coming-soon.md");
        const string Post = "---\ntitle: Coming soon\ndate: 2025-03-01T07:00:00Z\nimage: /media/draft-only.png\nimage_alt: A track\n{0}---\nSoon.\n";
        File.WriteAllText(draft, string.Format(System.Globalization.CultureInfo.InvariantCulture, Post, "status: draft\n"));
        var image = Path.Combine(_root, "site", "media", "draft-only.png");

        await Build("site");
        Assert.That(File.Exists(image), Is.False, "a draft's image stays unpublished");
        Assert.That(File.Exists(Path.Combine(_root, "site", "media", "hero.png")), Is.True, "a published post's image is there");

        File.WriteAllText(draft, string.Format(System.Globalization.CultureInfo.InvariantCulture, Post, ""));
        await Build("site");
        Assert.That(File.Exists(image), Is.True, "published with its post");
        await AssertSameAsCleanBuild("site");

        File.WriteAllText(draft, string.Format(System.Globalization.CultureInfo.InvariantCulture, Post, "status: scheduled\n"));
        await Build("site");
        Assert.That(File.Exists(image), Is.False, "removed when its post is no longer public");
        await AssertSameAsCleanBuild("site");
    }
}
