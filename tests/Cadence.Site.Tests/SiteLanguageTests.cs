using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cadence.Site.Render;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>
/// Builds a copy of the repository's content/ as it is (en-GB), then again into the same output with
/// <c>language: de-DE</c> in site.yml, so the second build also shows the build cache taking a language change site-wide.
/// </summary>
public class SiteLanguageTests
{
    private const string Post = "posts/hip-strength-for-runners/index.html"; // dated 2025-06-16T08:00:00+01:00

    private string _content = "";
    private string _out = "";
    private Snapshot _english = null!;
    private Snapshot _german = null!;
    private string[] _pages = [];

    private sealed record Snapshot(IHtmlDocument Post, IHtmlDocument Home, XDocument Rss, JsonElement JsonFeed);

    [OneTimeSetUp]
    public async Task Build()
    {
        _content = RepoPaths.NewTempFolder("language-content");
        CopyFolder(RepoPaths.Content, _content);
        _out = Path.Combine(RepoPaths.NewTempFolder("language-out"), "site");
        var options = new BuildOptions(_out, From: _content, CmsUrl: "https://cms.example");

        await SiteBuild.RunAsync(options, new BuildProgress(false));
        _english = Read();

        var siteYml = Path.Combine(_content, "site.yml");
        var yaml = File.ReadAllText(siteYml);
        Assert.That(yaml, Does.Contain("language: en-GB\n"), "content/site.yml names its language");
        File.WriteAllText(siteYml, yaml.Replace("language: en-GB\n", "language: de-DE\n"));
        await SiteBuild.RunAsync(options, new BuildProgress(false));
        _german = Read();
        _pages = Directory.GetFiles(_out, "*.html", SearchOption.AllDirectories);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);
    }

    [Test]
    public void English_is_the_default_and_dates_read_as_before()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_english.Post.DocumentElement.GetAttribute("lang"), Is.EqualTo("en-GB"));
            Assert.That(_english.Post.QuerySelector("time")!.TextContent, Is.EqualTo("16 June 2025"));
            Assert.That(_english.Post.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"), Is.EqualTo("en_GB"));
            Assert.That(JsonLd(_english.Post).GetProperty("inLanguage").GetString(), Is.EqualTo("en-GB"));
            Assert.That(_english.Rss.Root!.Element("channel")!.Element("language")!.Value, Is.EqualTo("en-GB"));
            Assert.That(_english.JsonFeed.GetProperty("language").GetString(), Is.EqualTo("en-GB"));
        });
    }

    [Test]
    public void German_site_says_so_everywhere_and_writes_german_dates()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_german.Post.DocumentElement.GetAttribute("lang"), Is.EqualTo("de-DE"));
            Assert.That(_german.Post.QuerySelector("time")!.TextContent, Is.EqualTo("16. Juni 2025"));
            Assert.That(_german.Post.QuerySelector("time")!.GetAttribute("datetime"), Is.EqualTo("2025-06-16T08:00:00+01:00"));
            Assert.That(_german.Home.QuerySelector(".post-list time")!.TextContent, Does.Match(@"^\d{1,2}\. \p{L}+ \d{4}$"));
            Assert.That(_german.Post.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"), Is.EqualTo("de_DE"));
            Assert.That(JsonLd(_german.Post).GetProperty("inLanguage").GetString(), Is.EqualTo("de-DE"));
            Assert.That(_german.Rss.Root!.Element("channel")!.Element("language")!.Value, Is.EqualTo("de-DE"));
            Assert.That(_german.JsonFeed.GetProperty("language").GetString(), Is.EqualTo("de-DE"));
        });
    }

    [Test]
    public void A_language_change_reaches_every_page_of_a_cached_build()
    {
        Assert.That(_pages, Is.Not.Empty);
        var stale = _pages.Where(path => !File.ReadAllText(path).Contains("<html lang=\"de-DE\">", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(_out, path)).ToList();
        Assert.That(stale, Is.Empty);
    }

    [Test]
    public void Long_dates_drop_the_weekday_but_keep_each_language_s_order()
    {
        var date = new DateTimeOffset(2026, 9, 4, 9, 0, 0, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(Model.SiteLanguage.From(null).LongDate(date), Is.EqualTo("4 September 2026"));
            Assert.That(Model.SiteLanguage.From("fr-FR").LongDate(date), Is.EqualTo("4 septembre 2026"));
            Assert.That(Model.SiteLanguage.From("en-US").LongDate(date), Is.EqualTo("September 4, 2026"));
            Assert.That(Model.SiteLanguage.From("de-de").Tag, Is.EqualTo("de-DE"));
            Assert.That(() => Model.SiteLanguage.From("xx-YY"), Throws.TypeOf<Source.SourceException>());
        });
    }

    private Snapshot Read() => new(
        Html(Post), Html("index.html"),
        XDocument.Load(Path.Combine(_out, "feed.xml")),
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "feed.json"))).RootElement.Clone());

    private IHtmlDocument Html(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_out, path)));

    private static JsonElement JsonLd(IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.Clone();

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
