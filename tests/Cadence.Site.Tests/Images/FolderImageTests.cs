using AngleSharp.Html.Parser;
using Cadence.Site.Render;
using Cadence.Testing;

namespace Cadence.Site.Tests.Images;

/// <summary>A folder build's images: responsive markup, and variants made once into a cache outside the output.</summary>
public class FolderImageTests
{
    private string _content = "";
    private string _root = "";
    private string _cache = "";

    [SetUp]
    public void Create()
    {
        _content = TestContent.Create(posts: 3);
        File.WriteAllBytes(Path.Combine(_content, "media", "hero.png"), SampleImages.Png(1000, 500));
        File.WriteAllBytes(Path.Combine(_content, "media", "knee.jpg"), SampleImages.Jpeg(2000, 1500));
        var post = Path.Combine(_content, "posts", "post-02.md");
        File.WriteAllText(post, File.ReadAllText(post) + "\nA picture of a knee:\n\n![A bent knee](/media/knee.jpg)\n");
        _root = Directory.CreateTempSubdirectory("cadence-img-").FullName;
        _cache = Path.Combine(_root, "image-cache");
    }

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(_root, recursive: true);
    }

    private Task<BuildResult> Build(string output) => SiteBuild.RunAsync(
        new BuildOptions(Path.Combine(_root, output), From: _content, ImageCache: _cache), new BuildProgress(false));

    [Test]
    public async Task The_cover_is_an_eager_picture_and_body_images_are_lazy_pictures()
    {
        await Build("out");
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_root, "out", "posts", "post-02", "index.html")));

        var cover = page.QuerySelector(".featured picture")!;
        var coverImg = cover.QuerySelector("img")!;
        Assert.Multiple(() =>
        {
            Assert.That(cover.QuerySelectorAll("source").Select(s => s.GetAttribute("type")), Is.EqualTo(new[] { "image/avif", "image/webp" }));
            Assert.That(cover.QuerySelector("source[type='image/avif']")!.GetAttribute("srcset"),
                Does.Match(@"^/media/variants/[0-9a-f]{16}-480\.avif 480w, /media/variants/[0-9a-f]{16}-800\.avif 800w, /media/variants/[0-9a-f]{16}-1000\.avif 1000w$"));
            Assert.That(coverImg.GetAttribute("src"), Does.Match(@"^/media/variants/[0-9a-f]{16}-1000\.png$"));
            Assert.That(coverImg.GetAttribute("srcset"), Does.Contain("-480.png 480w"));
            Assert.That(coverImg.GetAttribute("sizes"), Is.EqualTo(PictureMarkup.Sizes));
            Assert.That((coverImg.GetAttribute("width"), coverImg.GetAttribute("height")), Is.EqualTo(("1000", "500")));
            Assert.That(coverImg.GetAttribute("alt"), Is.EqualTo("A runner"));
            Assert.That((coverImg.GetAttribute("loading"), coverImg.GetAttribute("fetchpriority")), Is.EqualTo(("eager", "high")));
        });

        var pictures = page.QuerySelectorAll("picture img");
        var bodyImg = pictures[^1];
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("picture"), Has.Length.EqualTo(2));
            Assert.That(bodyImg.GetAttribute("alt"), Is.EqualTo("A bent knee"));
            Assert.That((bodyImg.GetAttribute("width"), bodyImg.GetAttribute("height")), Is.EqualTo(("1600", "1200")), "the widest variant, never the 2000 px original");
            Assert.That((bodyImg.GetAttribute("loading"), bodyImg.GetAttribute("decoding")), Is.EqualTo(("lazy", "async")));
            Assert.That(bodyImg.GetAttribute("fetchpriority"), Is.Null);
            Assert.That(bodyImg.GetAttribute("src"), Does.EndWith("-1600.jpg"));
        });
        foreach (var url in page.QuerySelectorAll("picture source, picture img").SelectMany(e => e.GetAttribute("srcset")!.Split(", ")).Select(s => s.Split(' ')[0]))
            Assert.That(File.Exists(Path.Combine(_root, "out", url.TrimStart('/'))), Is.True, url);
    }

    [Test]
    public async Task A_clean_build_with_a_warm_cache_encodes_nothing()
    {
        await Build("first");
        var cached = Directory.GetFiles(_cache, "*.avif", SearchOption.AllDirectories);
        Assert.That(cached, Has.Length.EqualTo(3 + 4 + 1), "hero at 480, 800, 1000; knee at 480, 800, 1200, 1600; the 1 px avatar as it is");
        // Marked: if the second build encoded again, its output would hold real AVIF here, not the marker.
        var marked = cached.Single(f => f.EndsWith("-1600.avif", StringComparison.Ordinal));
        File.WriteAllText(marked, "cached");
        var stamps = Directory.GetFiles(_cache, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        await Build("second");

        Assert.That(File.ReadAllText(Path.Combine(_root, "second", "media", "variants", Path.GetFileName(marked))), Is.EqualTo("cached"));
        Assert.That(Directory.GetFiles(_cache, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc), Is.EqualTo(stamps),
            "nothing in the cache was written again");
        Assert.That(Directory.Exists(Path.Combine(_root, "second", "image-cache")), Is.False);
    }
}
