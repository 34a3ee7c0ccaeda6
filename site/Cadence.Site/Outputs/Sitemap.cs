using System.Globalization;
using System.Text;
using System.Xml;
using Cadence.Site.Keys;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>
/// /sitemap.xml: the home page, every post and page, every tag, category and author page, and the archive with its
/// years, each with the date it last changed. Later pages of a list only repeat what these link to, so they are left out.
/// </summary>
public static class Sitemap
{
    public const string FileName = "sitemap.xml";

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Write(SiteModel model)
    {
        var settings = model.Settings;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (path, lastModified) in Entries(model)) Url(xml, settings.Absolute(path), lastModified);
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// A hash of everything the sitemap lists, made from the same entries it is written from: 10,000 posts make it
    /// 1.5 MB, which a build that changes no address or date need not write out again to find it unchanged.
    /// </summary>
    public static Hash128 Key(SiteModel model)
    {
        var key = new InputKey().Add(model.Settings.BaseUrl);
        foreach (var (path, lastModified) in Entries(model))
        {
            key.Add(path);
            if (lastModified is { } date) key.Add(1).Add(date.UtcTicks);
            else key.Add(0);
        }
        return key.Value;
    }

    /// <summary>Every address listed (root-relative, or absolute as given) with the date it last changed.</summary>
    private static IEnumerable<(string Path, DateTimeOffset? LastModified)> Entries(SiteModel model)
    {
        yield return (Urls.Home, model.Posts.Count > 0 ? Newest(model.Posts) : null);
        foreach (var post in model.Posts) yield return (post.Url, post.UpdatedAt);
        foreach (var page in model.Pages) yield return (page.Url, page.UpdatedAt);
        foreach (var groups in new[] { model.Tags, model.Categories, model.Authors })
            foreach (var group in groups) yield return (group.Url, Newest(group.Posts));
        if (model.Posts.Count > 0) yield return (Urls.Archive, Newest(model.Posts));
        foreach (var year in model.Years) yield return (year.Url, Newest(year.Posts));
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
