using System.Globalization;
using System.Text;
using System.Xml;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>
/// /sitemap.xml: the home page, every post and page, every tag, category and author page, and the archive with its
/// years, each with the date it last changed. Later pages of a list only repeat what these link to, so they are left out.
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
            foreach (var page in model.Pages) Url(xml, settings.Absolute(page.Url), page.UpdatedAt);
            foreach (var groups in new[] { model.Tags, model.Categories, model.Authors })
                foreach (var group in groups) Url(xml, settings.Absolute(group.Url), Newest(group.Posts));
            if (model.Posts.Count > 0) Url(xml, settings.Absolute(Urls.Archive), Newest(model.Posts));
            foreach (var year in model.Years) Url(xml, settings.Absolute(year.Url), Newest(year.Posts));
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
