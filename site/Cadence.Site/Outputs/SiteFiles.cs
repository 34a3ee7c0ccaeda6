using System.Text;
using System.Text.Json;
using Cadence.Site.Model;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs;

/// <summary>The small text outputs: robots.txt, the search index and the host redirect rules.</summary>
public static class SiteFiles
{
    public static string Robots(SiteSettings settings) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {settings.Absolute(Urls.Sitemap)}\n";

    /// <summary>Netlify/Cloudflare Pages style rules; the redirect pages cover hosts without them.</summary>
    public static string Redirects(SiteModel model)
    {
        var rules = new StringBuilder();
        foreach (var redirect in model.Redirects)
            rules.Append(Urls.Post(redirect.From)).Append(' ').Append(Urls.Post(redirect.To)).Append(" 301\n");
        return rules.ToString();
    }

    /// <summary>/search-index.json: what the search page's script matches against, newest post first.</summary>
    public static byte[] SearchIndex(IReadOnlyList<PostCard> cards, SiteSettings settings) => SearchIndex(cards, [], settings);

    /// <summary>As above, then the pages (no date, no tags), by slug.</summary>
    public static byte[] SearchIndex(IReadOnlyList<PostCard> cards, IReadOnlyList<Page> pages, SiteSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var card in cards)
            {
                json.WriteStartObject();
                json.WriteString("title", card.Post.Title);
                json.WriteString("url", card.Post.Url);
                json.WriteString("date", Dates.Long(card.Post.LocalDate, settings));
                json.WriteString("excerpt", card.Excerpt);
                json.WriteStartArray("tags");
                foreach (var tag in card.Post.Tags) json.WriteStringValue(tag.Name);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            foreach (var page in pages)
            {
                json.WriteStartObject();
                json.WriteString("title", page.Title);
                json.WriteString("url", page.Url);
                json.WriteString("date", "");
                json.WriteString("excerpt", page.Seo?.Description ?? page.Excerpt ?? "");
                json.WriteStartArray("tags");
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
