using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cadence.Site.Render;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>What search engines and share cards read from the starter site: sitemap, JSON-LD, Open Graph, descriptions.</summary>
public class SearchAndSharingTests
{
    private const string Base = "http://127.0.0.1:5080";
    private string _out = "";

    [OneTimeSetUp]
    public async Task Build()
    {
        _out = Path.Combine(Directory.CreateTempSubdirectory("cadence-seo-").FullName, "site");
        await SiteBuild.RunAsync(new BuildOptions(_out, From: RepoPaths.Content, CmsUrl: "https://cms.example"), new BuildProgress(false));
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);

    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_out, path)));

    private static string? Meta(IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    private static JsonElement JsonLd(IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

    [Test]
    public void The_sitemap_lists_category_author_and_archive_pages_besides_posts_and_tags()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Load(Path.Combine(_out, "sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.That(urls, Is.Unique);
        Assert.That(urls, Is.SupersetOf(new[]
        {
            $"{Base}/", $"{Base}/posts/knee-pain-when-running/", $"{Base}/tags/strength/",
            $"{Base}/categories/injuries/", $"{Base}/authors/maya-okafor/", $"{Base}/archive/", $"{Base}/archive/2026/",
        }), string.Join("\n", urls));
        foreach (var url in urls) Assert.That(File.Exists(Path.Combine(_out, url[(Base.Length + 1)..], "index.html")), Is.True, url);
    }

    [Test]
    public void Home_says_what_the_site_is_and_who_publishes_it()
    {
        var graph = JsonLd(Page("index.html")).GetProperty("@graph").EnumerateArray().ToDictionary(n => n.GetProperty("@type").GetString()!);
        var search = graph["WebSite"].GetProperty("potentialAction");
        Assert.Multiple(() =>
        {
            Assert.That(graph["WebSite"].GetProperty("url").GetString(), Is.EqualTo($"{Base}/"));
            Assert.That(search.GetProperty("@type").GetString(), Is.EqualTo("SearchAction"));
            Assert.That(search.GetProperty("target").GetString(), Is.EqualTo($"{Base}/search/?q={{search_term_string}}"));
            Assert.That(graph["MedicalBusiness"].GetProperty("name").GetString(), Is.EqualTo("Stride Sports Therapy"));
            Assert.That(graph["MedicalBusiness"].GetProperty("logo").GetProperty("url").GetString(), Is.EqualTo($"{Base}/media/stride-logo.png"));
        });
    }

    [Test]
    public void With_a_logo_the_organization_and_every_posts_publisher_carry_it()
    {
        var settings = new Model.SiteSettings("Stride", "Run Tips", "", Base, "https://cms.example", TimeZoneInfo.Utc,
            Model.SiteLanguage.From(null), [], [], Logo: "/media/logo.png");
        var organization = JsonDocument.Parse(StructuredData.Home(settings)).RootElement.GetProperty("@graph")[1];
        Assert.That(organization.GetProperty("logo").GetProperty("url").GetString(), Is.EqualTo($"{Base}/media/logo.png"));
        // The starter knee-pain post is reviewed: its BlogPosting follows the MedicalWebPage in a graph.
        var publisher = JsonLd(Page("posts/knee-pain-when-running/index.html")).GetProperty("@graph")[1].GetProperty("publisher");
        Assert.That(publisher.GetProperty("@type").GetString(), Is.EqualTo("Organization"), "the same writer as the home page's");
    }

    [Test]
    public void Posts_carry_article_open_graph_tags()
    {
        var page = Page("posts/knee-pain-when-running/index.html");
        Assert.Multiple(() =>
        {
            Assert.That(Meta(page, "og:type"), Is.EqualTo("article"));
            Assert.That(Meta(page, "article:published_time"), Is.EqualTo("2026-09-14T08:00:00+01:00"));
            Assert.That(Meta(page, "article:modified_time"), Is.EqualTo("2026-09-14T08:00:00+01:00"));
            Assert.That(Meta(page, "article:author"), Is.EqualTo($"{Base}/authors/maya-okafor/"));
            Assert.That(page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")),
                Is.EqualTo(new[] { "Feet", "Hips", "Knee pain", "Strength" }));
            Assert.That(Meta(Page("index.html"), "article:published_time"), Is.Null, "only posts are articles");
        });
    }

    [Test]
    public void Pages_other_than_posts_share_the_newest_posts_cover_and_lists_describe_themselves()
    {
        var cover = Meta(Page("posts/knee-pain-when-running/index.html"), "og:image");
        var site = Meta(Page("index.html"), "description");
        foreach (var path in new[] { "index.html", "tags/strength/index.html", "authors/maya-okafor/index.html", "archive/index.html", "search/index.html" })
            Assert.That(Meta(Page(path), "og:image"), Is.EqualTo(cover), path);
        Assert.Multiple(() =>
        {
            Assert.That(Meta(Page("tags/strength/index.html"), "description"), Is.EqualTo("Posts tagged “Strength” on Run Tips."));
            Assert.That(Meta(Page("categories/injuries/index.html"), "description"), Is.Not.EqualTo(site));
            Assert.That(Meta(Page("authors/maya-okafor/index.html"), "description"), Is.Not.EqualTo(site));
        });
    }
}
