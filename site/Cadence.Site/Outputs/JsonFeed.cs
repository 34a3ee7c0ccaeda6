using System.Text.Json;
using Cadence.Site.Model;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs;

/// <summary>JSON Feed 1.1 (/feed.json), the same items as the RSS and Atom feeds.</summary>
public static class JsonFeed
{
    public static byte[] Write(SiteSettings settings, IReadOnlyList<FeedItem> items)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", settings.Title);
            json.WriteString("home_page_url", settings.Absolute("/"));
            json.WriteString("feed_url", settings.Absolute(Urls.JsonFeed));
            json.WriteString("description", settings.Description);
            json.WriteString("language", settings.Language.Tag);
            json.WriteStartArray("items");
            foreach (var item in items)
            {
                var post = item.Post;
                json.WriteStartObject();
                json.WriteString("id", settings.Absolute(post.Url));
                json.WriteString("url", settings.Absolute(post.Url));
                json.WriteString("title", post.Title);
                json.WriteString("content_html", item.ContentHtml);
                json.WriteString("summary", item.Excerpt);
                json.WriteString("date_published", Dates.Iso(post.PublishedAt));
                json.WriteString("date_modified", Dates.Iso(post.UpdatedAt));
                if (post.Image is not null) json.WriteString("image", settings.Absolute(post.Image.Url));
                if (post.Author is not null)
                {
                    json.WriteStartArray("authors");
                    json.WriteStartObject();
                    json.WriteString("name", post.Author.Name);
                    json.WriteString("url", settings.Absolute(post.Author.Url));
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteStartArray("tags");
                foreach (var tag in post.Tags) json.WriteStringValue(tag.Name);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
