using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cadence.Site.Render;

namespace Cadence.Site.Tests;

/// <summary>Builds a small content folder once and checks what a reader, a feed reader and a crawler get.</summary>
public class FolderBuildTests
{
    private string _content = "";
    private string _out = "";
    private BuildResult _result = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        _content = TestContent.Create(posts: 25);
        _out = Path.Combine(Directory.CreateTempSubdirectory("cadence-out-").FullName, "site");
        _result = await SiteBuild.RunAsync(new BuildOptions(_out, From: _content, CmsUrl: "https://cms.example"), new BuildProgress(false));
    }

    [OneTimeTearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);
    }

    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_out, path)));

    [Test]
    public void Home_pages_hold_ten_posts_each_newest_first()
    {
        var first = Page("index.html").QuerySelectorAll(".post-list h2 a").Select(a => a.GetAttribute("href")).ToList();
        var third = Page("page/3/index.html").QuerySelectorAll(".post-list h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(10));
            Assert.That(first[0], Is.EqualTo("/posts/post-25/"));
            Assert.That(first[9], Is.EqualTo("/posts/post-16/"));
            Assert.That(third, Is.EqualTo(new[] { "/posts/post-05/", "/posts/post-04/", "/posts/post-03/", "/posts/post-02/", "/posts/post-01/" }));
            Assert.That(File.Exists(Path.Combine(_out, "page/4/index.html")), Is.False);
            Assert.That(_result.Summary(), Does.Match(@"^Built \d+ pages in \d+\.\d\d s \(\d+ pages/s\): \d+ written, 0 unchanged, 0 deleted\.$"));
        });
    }

    [Test]
    public void Tag_category_author_and_archive_pages_exist_with_pagination()
    {
        string[] pages = ["tags/index.html", "tags/knee-pain/index.html", "tags/knee-pain/page/2/index.html", "tags/hips/index.html",
            "categories/training/index.html", "categories/training/page/3/index.html", "authors/ann-lee/index.html",
            "archive/index.html", "archive/2025/index.html", "search/index.html", "404.html", "thanks/ebook/index.html", "robots.txt"];
        Assert.Multiple(() =>
        {
            foreach (var page in pages) Assert.That(File.Exists(Path.Combine(_out, page)), Is.True, page);
            Assert.That(Directory.Exists(Path.Combine(_out, "posts", "a-draft")), Is.False, "drafts are not published");
            Assert.That(Page("tags/knee-pain/page/2/index.html").QuerySelectorAll(".post-list > li"), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Post_page_has_metadata_image_contents_and_neighbours()
    {
        var page = Page("posts/post-02/index.html");
        var image = page.QuerySelector(".featured img")!;
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Post number 2"));
            Assert.That(image.GetAttribute("width"), Is.EqualTo("1"));
            Assert.That(image.GetAttribute("height"), Is.EqualTo("1"));
            Assert.That(image.GetAttribute("alt"), Is.EqualTo("A runner"));
            Assert.That(image.GetAttribute("loading"), Is.EqualTo("eager"));
            Assert.That(page.QuerySelectorAll(".toc li"), Has.Length.EqualTo(3));
            Assert.That(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Is.EqualTo("https://tips.example/posts/post-02/"));
            Assert.That(page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), Is.EqualTo("https://tips.example/media/hero.png"));
            Assert.That(page.QuerySelector("meta[name='twitter:card']"), Is.Not.Null);
            Assert.That(jsonLd.GetProperty("@type").GetString(), Is.EqualTo("BlogPosting"));
            Assert.That(jsonLd.GetProperty("headline").GetString(), Is.EqualTo("Post number 2"));
            Assert.That(page.QuerySelector("a[rel=prev]")!.GetAttribute("href"), Is.EqualTo("/posts/post-01/"));
            Assert.That(page.QuerySelector("a[rel=next]")!.GetAttribute("href"), Is.EqualTo("/posts/post-03/"));
            Assert.That(page.QuerySelectorAll(".related li"), Has.Length.EqualTo(3));
            Assert.That(page.QuerySelector("time")!.GetAttribute("datetime"), Is.EqualTo("2025-01-03T07:00:00+00:00"));
            Assert.That(page.QuerySelector(".author-box img")!.GetAttribute("loading"), Is.EqualTo("lazy"));
            Assert.That(page.QuerySelectorAll("link[rel=alternate]"), Has.Length.EqualTo(3));
            Assert.That(page.QuerySelector("script[src]")!.HasAttribute("defer"), Is.True);
            Assert.That(page.QuerySelector("header"), Is.Not.Null);
            Assert.That(page.QuerySelector("main#main"), Is.Not.Null);
            Assert.That(page.QuerySelector("a.skip-link")!.GetAttribute("href"), Is.EqualTo("#main"));
        });
    }

    [Test]
    public void Form_directive_renders_a_labelled_form_posting_to_the_cms()
    {
        var page = Page("posts/post-01/index.html");
        var form = (IHtmlFormElement)page.QuerySelector("form#form-ebook")!;
        var controls = form.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(form.Method, Is.EqualTo("post"));
            Assert.That(form.GetAttribute("action"), Is.EqualTo("https://cms.example/forms/ebook"));
            foreach (var control in controls)
                Assert.That(page.QuerySelector($"label[for='{control.Id}']"), Is.Not.Null, $"label for {control.Id}");
            Assert.That(form.QuerySelector("input[name=email]")!.GetAttribute("type"), Is.EqualTo("email"));
            Assert.That(form.QuerySelector("input[name=email]")!.HasAttribute("required"), Is.True);
            Assert.That(form.QuerySelector("input[name=email]")!.GetAttribute("maxlength"), Is.EqualTo("254"));
            Assert.That(form.QuerySelector("input[name=phone]")!.GetAttribute("type"), Is.EqualTo("tel"));
            Assert.That(form.QuerySelectorAll("select[name=topic] option").Select(o => o.TextContent), Is.EqualTo(new[] { "Choose…", "Knees", "Hips" }));
            Assert.That(form.QuerySelector("input[name=consent]")!.GetAttribute("type"), Is.EqualTo("checkbox"));
            var honeypot = form.QuerySelector("input[name=website]")!;
            Assert.That(honeypot.ParentElement!.HasAttribute("hidden") && honeypot.ParentElement.GetAttribute("aria-hidden") == "true", Is.True);
            Assert.That(honeypot.GetAttribute("tabindex"), Is.EqualTo("-1"));
            Assert.That(honeypot.GetAttribute("autocomplete"), Is.EqualTo("off"));
            Assert.That(form.QuerySelector("input[type=hidden][name=_started]"), Is.Not.Null);
            Assert.That(form.QuerySelector("[aria-live=polite]"), Is.Not.Null);
            Assert.That(page.QuerySelector(".post-body table"), Is.Not.Null);
        });
    }

    [Test]
    public void Feeds_parse_back_with_the_latest_twenty_posts()
    {
        using var rss = XmlReader.Create(Path.Combine(_out, "feed.xml"));
        var rssFeed = SyndicationFeed.Load(rss);
        using var atom = XmlReader.Create(Path.Combine(_out, "atom.xml"));
        var atomFeed = SyndicationFeed.Load(atom);
        var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "feed.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(rssFeed.Items.Count(), Is.EqualTo(20));
            Assert.That(rssFeed.Items.First().Title.Text, Is.EqualTo("Post number 25"));
            Assert.That(((TextSyndicationContent)rssFeed.Items.First().Summary).Text, Does.Contain("<h2 id=\"section-1\">"));
            Assert.That(atomFeed.Items.Count(), Is.EqualTo(20));
            Assert.That(atomFeed.Items.First().Links.First().Uri, Is.EqualTo(new Uri("https://tips.example/posts/post-25/")));
            Assert.That(json.GetProperty("version").GetString(), Is.EqualTo("https://jsonfeed.org/version/1.1"));
            Assert.That(json.GetProperty("items").GetArrayLength(), Is.EqualTo(20));
            Assert.That(json.GetProperty("items")[0].GetProperty("content_html").GetString(), Does.Contain("Opening paragraph of post 25"));
        });
    }

    [Test]
    public void Sitemap_is_valid_xml_with_lastmod_and_robots_names_it()
    {
        var sitemap = new XmlDocument();
        sitemap.Load(Path.Combine(_out, "sitemap.xml"));
        var ns = new XmlNamespaceManager(sitemap.NameTable);
        ns.AddNamespace("s", "http://www.sitemaps.org/schemas/sitemap/0.9");
        var urls = sitemap.SelectNodes("/s:urlset/s:url", ns)!.Cast<XmlNode>().ToList();
        Assert.Multiple(() =>
        {
            var model = _result.Model;
            // home, posts, tags, categories, authors, the archive and its years
            Assert.That(urls, Has.Count.EqualTo(1 + 25 + 3 + model.Categories.Count + model.Authors.Count + 1 + model.Years.Count));
            Assert.That(urls.All(u => u.SelectSingleNode("s:lastmod", ns) is not null), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(_out, "robots.txt")), Does.Contain("Sitemap: https://tips.example/sitemap.xml"));
        });
    }

    [Test]
    public void Every_internal_link_and_source_resolves_to_a_file()
    {
        var broken = new List<string>();
        foreach (var file in Directory.GetFiles(_out, "*.html", SearchOption.AllDirectories))
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) continue;
                var path = url.Split('#', '?')[0];
                var local = Path.Combine(_out, path.TrimStart('/'));
                if (path.EndsWith('/')) local = Path.Combine(local, "index.html");
                if (!File.Exists(local)) broken.Add($"{Path.GetRelativePath(_out, file)} → {url}");
            }
        }
        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Assets_are_fingerprinted()
    {
        var css = Page("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.That(css, Does.Match(@"^/assets/site\.[0-9a-f]{8}\.css$"));
    }
}
