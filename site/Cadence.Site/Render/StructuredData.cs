using System.Text.Json;
using Cadence.Site.Model;

namespace Cadence.Site.Render;

/// <summary>schema.org JSON-LD: a post as an article, and the home page as the site and the clinic behind it.</summary>
public static class StructuredData
{
    public static string BlogPosting(Post post, SiteSettings settings, string description, int wordCount, string canonical)
    {
        using var buffer = new MemoryStream();
        // The default encoder escapes '<' and '&', so the JSON cannot close the script element it sits in.
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "BlogPosting");
            json.WriteString("headline", post.Title);
            json.WriteString("description", description);
            json.WriteString("inLanguage", settings.Language.Tag);
            json.WriteString("datePublished", Dates.Iso(post.PublishedAt));
            json.WriteString("dateModified", Dates.Iso(post.UpdatedAt));
            json.WriteString("url", settings.Absolute(post.Url));
            json.WriteString("mainEntityOfPage", canonical);
            if (wordCount > 0) json.WriteNumber("wordCount", wordCount);
            if (post.Image is not null) json.WriteString("image", settings.Absolute(post.Image.Url));
            if (post.Tags.Count > 0) json.WriteString("keywords", string.Join(", ", post.Tags.Select(t => t.Name)));
            if (post.Author is not null)
            {
                json.WriteStartObject("author");
                json.WriteString("@type", "Person");
                json.WriteString("name", post.Author.Name);
                json.WriteString("url", settings.Absolute(post.Author.Url));
                json.WriteEndObject();
            }
            json.WritePropertyName("publisher");
            Organization(json, settings);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The home page: the WebSite (with its search) and the Organization that publishes it.</summary>
    public static string Home(SiteSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            json.WriteStartObject();
            json.WriteString("@type", "WebSite");
            json.WriteString("name", settings.Title);
            json.WriteString("url", settings.Absolute("/"));
            json.WriteString("inLanguage", settings.Language.Tag);
            json.WriteStartObject("potentialAction");
            json.WriteString("@type", "SearchAction");
            json.WriteString("target", settings.Absolute(Urls.Search) + "?q={search_term_string}");
            json.WriteString("query-input", "required name=search_term_string");
            json.WriteEndObject();
            json.WriteEndObject();
            Organization(json, settings);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Organization(Utf8JsonWriter json, SiteSettings settings)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Organization");
        json.WriteString("name", string.IsNullOrEmpty(settings.ClinicName) ? settings.Title : settings.ClinicName);
        json.WriteString("url", settings.Absolute("/"));
        if (settings.Logo is { Length: > 0 } logo)
        {
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", settings.Absolute(logo));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
