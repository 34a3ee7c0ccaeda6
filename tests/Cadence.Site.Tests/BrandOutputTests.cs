using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cadence.Contract;
using Cadence.Site.Render;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>
/// The clinic's brand on the built starter site: logo, icon set, web manifest, theme colour, and the clinic's details
/// in the footer and as schema.org MedicalBusiness; and, with no logo, a wordmark and an icon made from the initial.
/// </summary>
public class BrandOutputTests
{
    private const string Base = "http://127.0.0.1:5080";
    private string _root = "";
    private string _out = "";
    private string _plain = "";

    [OneTimeSetUp]
    public async Task Build()
    {
        _root = Directory.CreateTempSubdirectory("cadence-brand-").FullName;
        var cache = Path.Combine(_root, "image-cache");
        _out = Path.Combine(_root, "site");
        await SiteBuild.RunAsync(new BuildOptions(_out, From: RepoPaths.Content, ImageCache: cache), new BuildProgress(false));

        // The same content with neither logo nor icon image in site.yml.
        var content = Path.Combine(_root, "content");
        CopyFolder(RepoPaths.Content, content);
        var siteYml = Path.Combine(content, "site.yml");
        File.WriteAllLines(siteYml, File.ReadAllLines(siteYml).Where(l => !l.StartsWith("logo:") && !l.StartsWith("icon:")));
        _plain = Path.Combine(_root, "plain");
        await SiteBuild.RunAsync(new BuildOptions(_plain, From: content, ImageCache: cache), new BuildProgress(false));
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    private static IHtmlDocument Page(string site, string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, path)));

    [Test]
    public void Every_icon_the_head_links_exists_at_its_size()
    {
        var page = Page(_out, "posts/knee-pain-when-running/index.html");
        var links = page.QuerySelectorAll("link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.That(links, Is.EquivalentTo(new[] { "/favicon.ico", "/icon-192.png", "/apple-touch-icon.png", "/site.webmanifest" }));
        foreach (var link in links) Assert.That(File.Exists(Path.Combine(_out, link.TrimStart('/'))), Is.True, link);

        var favicon = File.ReadAllBytes(Path.Combine(_out, "favicon.ico"));
        Assert.Multiple(() =>
        {
            Assert.That(favicon.AsSpan(0, 4).ToArray(), Is.EqualTo(new byte[] { 0, 0, 1, 0 }), "an ICO file");
            Assert.That(Size(favicon.AsSpan(22)), Is.EqualTo("image/png 32x32"), "holding a 32 px PNG");
            Assert.That(Size(File.ReadAllBytes(Path.Combine(_out, "apple-touch-icon.png"))), Is.EqualTo("image/png 180x180"));
            Assert.That(Size(File.ReadAllBytes(Path.Combine(_out, "icon-512.png"))), Is.EqualTo("image/png 512x512"));
        });
    }

    [Test]
    public void The_manifest_is_json_naming_the_site_its_colours_and_icons_that_exist()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "site.webmanifest")));
        var root = manifest.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("Run Tips · Stride Sports Therapy"));
            Assert.That(root.GetProperty("short_name").GetString(), Is.EqualTo("Run Tips"));
            Assert.That(root.GetProperty("theme_color").GetString(), Is.EqualTo("#1f5f7a"));
            Assert.That(root.GetProperty("background_color").GetString(), Is.EqualTo("#ffffff"));
            Assert.That(root.GetProperty("start_url").GetString(), Is.EqualTo("/"));
        });
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0]);
            var file = Path.Combine(_out, icon.GetProperty("src").GetString()!.TrimStart('/'));
            Assert.That(Size(File.ReadAllBytes(file)), Is.EqualTo($"image/png {size}x{size}"), file);
        }
    }

    [Test]
    public void The_header_shows_the_logo_named_for_the_clinic_and_the_theme_colour_is_set()
    {
        var page = Page(_out, "index.html");
        var logo = page.QuerySelector(".site-header a.site-title img")!;
        Assert.Multiple(() =>
        {
            Assert.That(logo.GetAttribute("src"), Is.EqualTo("/media/stride-logo.png"));
            Assert.That(logo.GetAttribute("alt"), Is.EqualTo("Stride Sports Therapy"));
            Assert.That((logo.GetAttribute("width"), logo.GetAttribute("height")), Is.EqualTo(("373", "96")), "its space is reserved");
            Assert.That(File.Exists(Path.Combine(_out, "media", "stride-logo.png")), Is.True);
            Assert.That(page.QuerySelector("meta[name=theme-color][media*=light]")!.GetAttribute("content"), Is.EqualTo("#1f5f7a"));
            Assert.That(page.Head!.InnerHtml, Does.Contain("--brand: #1f5f7a"));
        });
    }

    [Test]
    public void The_footer_gives_the_address_phone_email_hours_and_registration()
    {
        var footer = Page(_out, "about/index.html").QuerySelector("footer")!;
        var address = footer.QuerySelector("address")!;
        Assert.Multiple(() =>
        {
            Assert.That(address.TextContent, Does.Contain("14 Riverside Walk, Sheffield, S1 4DT"));
            Assert.That(address.QuerySelector("a[href^='tel:']")!.GetAttribute("href"), Is.EqualTo("tel:01632960481"));
            Assert.That(address.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"), Is.EqualTo("mailto:hello@stride-therapy.example"));
            Assert.That(footer.QuerySelectorAll(".opening-hours dt").Select(d => d.TextContent), Is.EqualTo(new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" }));
            Assert.That(footer.QuerySelector(".registration")!.TextContent, Does.Contain("HCPC registered"));
        });
    }

    [Test]
    public void Home_describes_the_clinic_as_a_medical_business()
    {
        var json = Page(_out, "index.html").QuerySelector("script[type='application/ld+json']")!.TextContent;
        var clinic = JsonDocument.Parse(json).RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "MedicalBusiness");
        var address = clinic.GetProperty("address");
        var hours = clinic.GetProperty("openingHoursSpecification").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(clinic.GetProperty("name").GetString(), Is.EqualTo("Stride Sports Therapy"));
            Assert.That(clinic.GetProperty("url").GetString(), Is.EqualTo($"{Base}/"));
            Assert.That(clinic.GetProperty("image").GetString(), Is.EqualTo($"{Base}/media/stride-logo.png"));
            Assert.That(clinic.GetProperty("telephone").GetString(), Is.EqualTo("01632 960 481"));
            Assert.That(address.GetProperty("@type").GetString(), Is.EqualTo("PostalAddress"));
            Assert.That(address.GetProperty("postalCode").GetString(), Is.EqualTo("S1 4DT"));
            Assert.That(address.GetProperty("addressLocality").GetString(), Is.EqualTo("Sheffield"));
            Assert.That(hours, Has.Count.EqualTo(6));
            Assert.That(hours[5].GetProperty("dayOfWeek").GetString(), Is.EqualTo("https://schema.org/Saturday"));
            Assert.That((hours[5].GetProperty("opens").GetString(), hours[5].GetProperty("closes").GetString()), Is.EqualTo(("09:00", "13:00")));
            Assert.That(clinic.GetProperty("sameAs")[0].GetString(), Is.EqualTo("https://instagram.example/stride"));
        });
    }

    [Test]
    public void With_no_logo_the_header_shows_a_wordmark_and_the_icons_are_made_from_the_initial()
    {
        var page = Page(_plain, "index.html");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".site-header img"), Is.Null);
            Assert.That(page.QuerySelector(".site-header .wordmark")!.TextContent, Is.EqualTo("Stride Sports Therapy"));
            Assert.That(File.Exists(Path.Combine(_plain, "favicon.ico")), Is.True, "never a 404");
            Assert.That(Size(File.ReadAllBytes(Path.Combine(_plain, "icon-192.png"))), Is.EqualTo("image/png 192x192"));
            Assert.That(File.ReadAllBytes(Path.Combine(_plain, "icon-512.png")), Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(_out, "icon-512.png"))));
        });
    }

    [TestCase("#1f5f7a", true)]
    [TestCase("#ffffff", false)]
    [TestCase("#7fd3f0", false)]
    [TestCase("#767676", true)] // the lightest grey that passes, at 4.54 to 1
    [TestCase("#777777", false)]
    public void Theme_colours_pass_only_with_readable_white_text(string colour, bool passes) =>
        Assert.That(BrandColour.Problem(colour) is null, Is.EqualTo(passes), $"{BrandColour.ContrastWithWhite(colour):0.00}");

    private static string? Size(ReadOnlySpan<byte> image) => ImageSize.Detect(image) is var (type, width, height) ? $"{type} {width}x{height}" : null;

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
