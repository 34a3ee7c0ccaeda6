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
        // The formatter writes a zero offset as "Z", which RFC 2822 does not know, keeps the self link only as Atom
        // extensions it would also add elsewhere, and writes an author only as an email address. Those few parts are
        // written here: RFC 2822 dates, atom:link rel="self", and dc:creator with the author's name.
        feed.AttributeExtensions.Add(new XmlQualifiedName("atom", XNamespace.Xmlns.NamespaceName), AtomNs.NamespaceName);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XNamespace.Xmlns.NamespaceName), DublinCore.NamespaceName);
        feed.ElementExtensions.Add(Extension(new XElement(AtomNs + "link", new XAttribute(XNamespace.Xmlns + "atom", AtomNs), new XAttribute("href", settings.Absolute(Urls.Rss)),
            new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml"))));
        feed.ElementExtensions.Add(Extension(new XElement("lastBuildDate", Rfc2822(feed.LastUpdatedTime))));
        feed.LastUpdatedTime = DateTimeOffset.MinValue;
        feed.Links.Clear();
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(settings.Absolute("/"))));
        foreach (var entry in feed.Items)
        {
            entry.ElementExtensions.Add(Extension(new XElement("pubDate", Rfc2822(entry.PublishDate))));
            foreach (var author in entry.Authors) entry.ElementExtensions.Add(Extension(new XElement(DublinCore + "creator", new XAttribute(XNamespace.Xmlns + "dc", DublinCore), author.Name)));
            entry.PublishDate = DateTimeOffset.MinValue;
            entry.LastUpdatedTime = DateTimeOffset.MinValue;
            entry.Authors.Clear();
        }
        return Write(xml => new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(xml));
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

    /// <summary>An element to write as it is; one carrying its prefix's declaration keeps that prefix (declared once, on the channel).</summary>
    private static SyndicationElementExtension Extension(XElement element) => new(element.CreateReader());

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
