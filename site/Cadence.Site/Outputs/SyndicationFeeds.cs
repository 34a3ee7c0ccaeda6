using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>RSS 2.0 (/feed.xml) and Atom (/atom.xml) with the latest posts in full.</summary>
public static class SyndicationFeeds
{
    public const int Items = 20;

    public static byte[] Rss(SiteSettings settings, IReadOnlyList<FeedItem> items)
    {
        // RSS readers show <description>, so it carries the whole post.
        var feed = Feed(settings, items, Urls.Rss, item => new TextSyndicationContent(item.ContentHtml, TextSyndicationContentKind.Html), null);
        return Write(xml => new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(xml));
    }

    public static byte[] Atom(SiteSettings settings, IReadOnlyList<FeedItem> items)
    {
        var feed = Feed(settings, items, Urls.Atom, item => new TextSyndicationContent(item.Excerpt),
            item => new TextSyndicationContent(item.ContentHtml, TextSyndicationContentKind.Html));
        return Write(xml => new Atom10FeedFormatter(feed).WriteTo(xml));
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
            LastUpdatedTime = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.Post.UpdatedAt),
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
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            write(xml);
        return buffer.ToArray();
    }
}
