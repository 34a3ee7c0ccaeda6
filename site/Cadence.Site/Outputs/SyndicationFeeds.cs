using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>RSS 2.0 (/feed.xml) and Atom (/atom.xml) with the latest posts in full.</summary>
public static class SyndicationFeeds
{
    public const int Items = 20;
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static byte[] Rss(SiteSettings settings, IReadOnlyList<FeedItem> items)
    {
        // RSS readers show <description>, so it carries the whole post.
        var feed = Feed(settings, items, Urls.Rss, item => new TextSyndicationContent(item.ContentHtml, TextSyndicationContentKind.Html), null);
        // The formatter writes a zero offset as "Z", which RFC 2822 does not know, keeps the self link only as an Atom
        // extension, and writes an author only as an email address. So it writes the rest, and those few parts are
        // added to its XML afterwards (with LINQ to XML: the formatter's own extension elements need reflection-based
        // serialisation, which the native executable cannot carry): RFC 2822 dates, atom:link rel="self", dc:creator.
        var lastBuild = feed.LastUpdatedTime;
        var entries = feed.Items.Select(e => (Published: e.PublishDate, Authors: e.Authors.Select(a => a.Name).ToList())).ToList();
        feed.LastUpdatedTime = DateTimeOffset.MinValue;
        feed.Links.Clear();
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(settings.Absolute("/"))));
        foreach (var entry in feed.Items)
        {
            entry.PublishDate = DateTimeOffset.MinValue;
            entry.LastUpdatedTime = DateTimeOffset.MinValue;
            entry.Authors.Clear();
        }
        var written = Write(xml => new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(xml));

        var document = XDocument.Load(new MemoryStream(written));
        var rss = document.Root!;
        rss.SetAttributeValue(XNamespace.Xmlns + "atom", AtomNs.NamespaceName);
        rss.SetAttributeValue(XNamespace.Xmlns + "dc", DublinCore.NamespaceName);
        var channel = rss.Element("channel")!;
        channel.Element("description")!.AddAfterSelf(
            new XElement(AtomNs + "link", new XAttribute("href", settings.Absolute(Urls.Rss)), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")),
            new XElement("lastBuildDate", Rfc2822(lastBuild)));
        foreach (var (item, entry) in channel.Elements("item").Zip(entries))
        {
            item.Add(new XElement("pubDate", Rfc2822(entry.Published)));
            foreach (var name in entry.Authors) item.Add(new XElement(DublinCore + "creator", name));
        }
        return Write(document.Save);
    }

    public static byte[] Atom(SiteSettings settings, IReadOnlyList<FeedItem> items)
    {
        var feed = Feed(settings, items, Urls.Atom, item => new TextSyndicationContent(item.Excerpt),
            item => new TextSyndicationContent(item.ContentHtml, TextSyndicationContentKind.Html));
        return Write(xml => new Atom10FeedFormatter(feed).WriteTo(xml));
    }

    /// <summary>An RFC 2822 date in the offset it carries (the site's time zone), a zero offset as <c>+0000</c>.</summary>
    public static string Rfc2822(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    private static SyndicationFeed Feed(SiteSettings settings, IReadOnlyList<FeedItem> items, string selfUrl,
        Func<FeedItem, TextSyndicationContent> summary, Func<FeedItem, TextSyndicationContent>? content)
    {
        var home = new Uri(settings.Absolute("/"));
        var feed = new SyndicationFeed(settings.Title, settings.Description, home)
        {
            Id = settings.Absolute("/"),
            Language = settings.Language.Tag,
            // The newest change in the feed, never the build time: the same content gives the same bytes.
            LastUpdatedTime = items.Count == 0 ? TimeZoneInfo.ConvertTime(DateTimeOffset.UnixEpoch, settings.TimeZone) : items.Max(i => i.Post.UpdatedAt),
        };
        feed.Links.Add(new SyndicationLink(new Uri(settings.Absolute(selfUrl))) { RelationshipType = "self" });
        if (!string.IsNullOrEmpty(settings.ClinicName)) feed.Authors.Add(new SyndicationPerson { Name = settings.ClinicName });

        feed.Items = items.Select(item =>
        {
            var post = item.Post;
            var url = settings.Absolute(post.Url);
            var entry = new SyndicationItem
            {
                Id = url,
                Title = new TextSyndicationContent(post.Title),
                Summary = summary(item),
                PublishDate = post.PublishedAt,
                LastUpdatedTime = post.UpdatedAt,
            };
            if (content is not null) entry.Content = content(item);
            entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url)));
            if (post.Author is not null) entry.Authors.Add(new SyndicationPerson { Name = post.Author.Name, Uri = settings.Absolute(post.Author.Url) });
            foreach (var tag in post.Tags) entry.Categories.Add(new SyndicationCategory(tag.Name));
            return entry;
        }).ToList();
        return feed;
    }

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NamespaceHandling = NamespaceHandling.OmitDuplicates }))
            write(xml);
        return buffer.ToArray();
    }
}
