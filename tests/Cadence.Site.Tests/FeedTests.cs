using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Cadence.Site.Outputs;
using Cadence.Site.Render;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>The starter content's feeds, parsed back as a feed reader would: no forms, a self link, authors, RFC 2822 dates.</summary>
public partial class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private string _out = "";

    [OneTimeSetUp]
    public async Task Build()
    {
        _out = Path.Combine(Directory.CreateTempSubdirectory("cadence-feeds-").FullName, "site");
        await SiteBuild.RunAsync(new BuildOptions(_out, From: RepoPaths.Content, CmsUrl: "https://cms.example"), new BuildProgress(false));
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);

    private string Read(string name) => File.ReadAllText(Path.Combine(_out, name));

    [Test]
    public void Every_feed_carries_a_call_to_action_as_a_link_to_the_form_on_the_posts_page_never_the_form()
    {
        using var rss = XmlReader.Create(Path.Combine(_out, "feed.xml"));
        using var atom = XmlReader.Create(Path.Combine(_out, "atom.xml"));
        var json = JsonDocument.Parse(Read("feed.json")).RootElement.GetProperty("items");
        var bodies = new Dictionary<string, string[]>
        {
            ["rss"] = SyndicationFeed.Load(rss).Items.Select(i => ((TextSyndicationContent)i.Summary).Text).ToArray(),
            ["atom"] = SyndicationFeed.Load(atom).Items.Select(i => ((TextSyndicationContent)i.Content).Text).ToArray(),
            ["json"] = json.EnumerateArray().Select(i => i.GetProperty("content_html").GetString()!).ToArray(),
        };
        foreach (var (feed, items) in bodies)
        {
            var knee = items.Single(b => b.Contains("middle manager", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(items.Any(b => b.Contains("<form", StringComparison.Ordinal) || b.Contains("<button", StringComparison.Ordinal)), Is.False, feed);
                Assert.That(items.Any(b => b.Contains("Leave this empty", StringComparison.Ordinal) || b.Contains("_started", StringComparison.Ordinal)), Is.False, feed + ": no spam guards");
                Assert.That(knee, Does.Contain("<p><a href=\"http://127.0.0.1:5080/posts/knee-pain-when-running/#form-knee-pain-ebook\">Get the free knee-pain ebook</a></p>"), feed);
            });
        }
        var page = Read("posts/knee-pain-when-running/index.html");
        Assert.That(page, Does.Contain("<form id=\"form-knee-pain-ebook\""), "the link's target is on the page");
    }

    [Test]
    public void Rss_has_a_self_link_an_author_per_item_and_RFC_2822_dates()
    {
        var channel = XDocument.Parse(Read("feed.xml")).Root!.Element("channel")!;
        var self = channel.Elements(Atom + "link").Single();
        var items = channel.Elements("item").ToList();
        var dates = items.Select(i => i.Element("pubDate")!.Value).Append(channel.Element("lastBuildDate")!.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(self.Attribute("rel")!.Value, Is.EqualTo("self"));
            Assert.That(self.Attribute("href")!.Value, Is.EqualTo("http://127.0.0.1:5080/feed.xml"));
            Assert.That(items, Has.Count.EqualTo(6));
            Assert.That(items.Select(i => i.Element(DublinCore + "creator")?.Value), Has.All.Not.Empty);
            Assert.That(items.Select(i => i.Elements("pubDate").Count()), Has.All.EqualTo(1));
            Assert.That(dates, Has.All.Match(Rfc2822Date()));
            Assert.That(dates, Has.None.Contain("Z"));
            Assert.That(dates, Does.Contain("Mon, 14 Sep 2026 08:00:00 +0100"), "summer, in the site's time zone");
            Assert.That(dates, Does.Contain("Mon, 09 Feb 2026 08:00:00 +0000"), "winter: a zero offset is +0000");
        });
    }

    [Test]
    public void A_zero_offset_is_written_plus_0000_and_others_keep_their_sign()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SyndicationFeeds.Rfc2822(new DateTimeOffset(2026, 1, 5, 7, 3, 9, TimeSpan.Zero)), Is.EqualTo("Mon, 05 Jan 2026 07:03:09 +0000"));
            Assert.That(SyndicationFeeds.Rfc2822(new DateTimeOffset(2026, 1, 5, 7, 3, 9, TimeSpan.FromMinutes(-210))), Is.EqualTo("Mon, 05 Jan 2026 07:03:09 -0330"));
        });
    }

    [Test]
    public void Json_feed_and_atom_dates_are_in_the_sites_time_zone_like_the_visible_date()
    {
        var first = JsonDocument.Parse(Read("feed.json")).RootElement.GetProperty("items")[0];
        var atomUpdated = XDocument.Parse(Read("atom.xml")).Root!.Element(Atom + "entry")!.Element(Atom + "published")!.Value;
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Read("posts/knee-pain-when-running/index.html"));
        // The starter knee-pain post is reviewed, so its BlogPosting is the second node of a graph (after the MedicalWebPage).
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("@graph")[1];
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("date_published").GetString(), Is.EqualTo("2026-09-14T08:00:00+01:00"));
            Assert.That(atomUpdated, Is.EqualTo("2026-09-14T08:00:00+01:00"));
            Assert.That(page.QuerySelector("article time, main time")!.GetAttribute("datetime"), Is.EqualTo("2026-09-14T08:00:00+01:00"));
            Assert.That(jsonLd.GetProperty("datePublished").GetString(), Is.EqualTo("2026-09-14T08:00:00+01:00"));
        });
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")]
    private static partial Regex Rfc2822Date();
}
