using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cadence.Site.Render;

namespace Cadence.Site.Tests;

/// <summary>
/// What WCAG 2.2 AA and valid HTML ask of every page the starter content produces: no parse errors, a language,
/// landmarks, one heading per page, labelled controls, text alternatives, unique ids, nothing from other hosts,
/// and colour pairs of the stylesheet that pass contrast in both light and dark mode.
/// </summary>
public partial class ThemeQualityTests
{
    private const string CmsUrl = "https://cms.clinic.example";
    private string _out = "";
    private List<(string Path, string Html)> _pages = [];

    [OneTimeSetUp]
    public async Task Build()
    {
        _out = Path.Combine(Directory.CreateTempSubdirectory("cadence-theme-").FullName, "site");
        await SiteBuild.RunAsync(new BuildOptions(_out, From: Cadence.Testing.RepoPaths.Content, CmsUrl: CmsUrl), new BuildProgress(false));
        _pages = Directory.GetFiles(_out, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(_out, path), File.ReadAllText(path))).ToList();
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);

    [Test]
    public void Every_page_parses_without_html_errors()
    {
        Assert.That(_pages, Has.Count.GreaterThan(20));
        var errors = new List<string>();
        foreach (var (path, html) in _pages)
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsNotConsumingCharacterReferences = false });
            parser.Error += (_, e) => errors.Add($"{path}: {((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message} at {((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position}");
            parser.ParseDocument(html);
            if (!html.StartsWith("<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase)) errors.Add($"{path}: no <!DOCTYPE html>");
        }
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Every_page_has_a_language_landmarks_one_h1_and_a_skip_link()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, document) in Documents())
            {
                if (document.QuerySelector("meta[http-equiv=refresh]") is not null) continue; // redirect stubs
                Assert.That(document.DocumentElement.GetAttribute("lang"), Is.Not.Null.And.Not.Empty, path);
                Assert.That(document.QuerySelectorAll("main"), Has.Length.EqualTo(1), $"{path}: one main");
                Assert.That(document.QuerySelectorAll("header"), Is.Not.Empty, $"{path}: a header");
                Assert.That(document.QuerySelectorAll("footer"), Is.Not.Empty, $"{path}: a footer");
                Assert.That(document.QuerySelectorAll("h1"), Has.Length.EqualTo(1), $"{path}: one h1");
                var skip = document.QuerySelector("a.skip-link");
                Assert.That(skip?.GetAttribute("href"), Does.StartWith("#"), $"{path}: a skip link");
                Assert.That(document.GetElementById(skip!.GetAttribute("href")![1..]), Is.Not.Null, $"{path}: the skip link's target");
                Assert.That(document.Title, Is.Not.Empty, $"{path}: a title");
            }
        });
    }

    [Test]
    public void Controls_are_labelled_images_described_and_ids_unique()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, document) in Documents())
            {
                foreach (var image in document.QuerySelectorAll("img"))
                    Assert.That(image.HasAttribute("alt"), Is.True, $"{path}: {image.OuterHtml}");
                foreach (var control in document.QuerySelectorAll("input, select, textarea"))
                {
                    if (control.GetAttribute("type") is "hidden" or "submit") continue;
                    var id = control.Id;
                    var labelled = (id is not null && document.QuerySelector($"label[for='{id}']") is not null)
                        || control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby") || control.Closest("label") is not null;
                    Assert.That(labelled, Is.True, $"{path}: unlabelled {control.OuterHtml}");
                }
                var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
                Assert.That(ids, Is.Unique, $"{path}: duplicate ids");
            }
        });
    }

    [Test]
    public void Pages_load_nothing_from_other_hosts_and_scripts_do_not_block_rendering()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, document) in Documents())
            {
                foreach (var element in document.QuerySelectorAll("script[src], link[rel=stylesheet], img, iframe"))
                {
                    var url = element.GetAttribute("src") ?? element.GetAttribute("href") ?? "";
                    Assert.That(url, Does.StartWith("/").And.Not.StartWith("//"), $"{path}: {element.OuterHtml}");
                }
                foreach (var script in document.QuerySelectorAll("script[src]"))
                    Assert.That(script.HasAttribute("defer") || script.HasAttribute("async") || script.GetAttribute("type") == "module",
                        Is.True, $"{path}: {script.OuterHtml} blocks rendering");
                foreach (var form in document.QuerySelectorAll("form[method=post]"))
                    Assert.That(form.GetAttribute("action"), Does.StartWith(CmsUrl + "/forms/"), $"{path}: forms post to the CMS");
            }
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Colour_pairs_of_the_stylesheet_pass_wcag_aa_contrast(bool dark)
    {
        var css = File.ReadAllText(Directory.GetFiles(Path.Combine(_out, "assets"), "site.*.css").Single());
        var colours = Palette(css, dark);
        Assert.Multiple(() =>
        {
            foreach (var (fore, back, minimum) in new[]
            {
                ("text", "bg", 4.5), ("text", "surface", 4.5), ("muted", "bg", 4.5), ("muted", "surface", 4.5),
                ("link", "bg", 4.5), ("link", "surface", 4.5), ("error", "bg", 4.5), ("ok", "bg", 4.5),
                ("focus", "bg", 3.0), ("focus", "surface", 3.0),
            })
            {
                var ratio = Contrast(colours[fore], colours[back]);
                Assert.That(ratio, Is.GreaterThanOrEqualTo(minimum), $"{(dark ? "dark" : "light")} --{fore} on --{back}: {ratio:0.00}");
            }
        });
    }

    private IEnumerable<(string Path, IHtmlDocument Document)> Documents() =>
        _pages.Select(page => (page.Path, new HtmlParser().ParseDocument(page.Html)));

    /// <summary>The custom properties of the light :root block, overlaid with the dark one when asked.</summary>
    private static Dictionary<string, string> Palette(string css, bool dark)
    {
        var blocks = RootBlock().Matches(css).Select(m => m.Groups[1].Value).ToList();
        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(2), "a light and a dark palette");
        var colours = new Dictionary<string, string>();
        foreach (var block in dark ? blocks.Take(2) : blocks.Take(1))
            foreach (Match property in ColourProperty().Matches(block))
                colours[property.Groups[1].Value] = property.Groups[2].Value;
        return colours;
    }

    private static double Contrast(string a, string b)
    {
        var (l1, l2) = (Luminance(a), Luminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int start)
        {
            var c = int.Parse(hex.Substring(start, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }

    [GeneratedRegex(@":root\s*\{([^}]*)\}")]
    private static partial Regex RootBlock();

    [GeneratedRegex(@"--([a-z]+):\s*(#[0-9a-fA-F]{6})")]
    private static partial Regex ColourProperty();
}
