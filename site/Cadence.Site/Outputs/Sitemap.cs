using System.Globalization;
using System.Text;
using System.Xml;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>
/// /sitemap.xml: the home page, every post, every tag and every page, each with the date it last changed. Paginated lists,
/// categories, authors and the archive repeat what these pages link to, so they are left to crawlers' links.
/// </summary>
public static class Sitemap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Write(SiteModel model)
    {
        var settings = model.Settings;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            if (model.Posts.Count > 0) Url(xml, settings.Absolute(Urls.Home), Newest(model.Posts));
            else Url(xml, settings.Absolute(Urls.Home), null);
            foreach (var post in model.Posts) Url(xml, settings.Absolute(post.Url), post.UpdatedAt);
            foreach (var tag in model.Tags) Url(xml, settings.Absolute(tag.Url), Newest(tag.Posts));
            foreach (var page in model.Pages) Url(xml, settings.Absolute(page.Url), page.UpdatedAt);
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static DateTimeOffset Newest(IReadOnlyList<Post> posts)
    {
        var newest = posts[0].UpdatedAt;
        foreach (var post in posts) if (post.UpdatedAt > newest) newest = post.UpdatedAt;
        return newest;
    }

    private static void Url(XmlWriter xml, string loc, DateTimeOffset? lastModified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", loc);
        if (lastModified is not null)
            xml.WriteElementString("lastmod", lastModified.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
