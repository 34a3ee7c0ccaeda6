using System.Text.Json;
using Cadence.Site.Model;

namespace Cadence.Site.Render;

/// <summary>schema.org JSON-LD: a post as an article (on a medical web page once reviewed), and the home page as the site and the clinic behind it.</summary>
public static class StructuredData
{
    /// <summary>
    /// A post as a BlogPosting. A reviewed post is also a MedicalWebPage whose main entity is that article, saying who
    /// reviewed the advice and when: the page carries the review, the article keeps its author.
    /// </summary>
    public static string BlogPosting(Post post, SiteSettings settings, string description, int wordCount, string canonical)
    {
        using var buffer = new MemoryStream();
        // The default encoder escapes '<' and '&', so the JSON cannot close the script element it sits in.
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            if (post is { ReviewedBy: { } reviewer, LastReviewed: { } reviewed })
            {
                json.WriteStartArray("@graph");
                json.WriteStartObject();
                json.WriteString("@type", "MedicalWebPage");
                json.WriteString("@id", canonical);
                Review(json, post.Title, canonical, reviewer, reviewed, settings);
                json.WriteStartObject("mainEntity");
                json.WriteString("@id", canonical + "#article");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("@id", canonical + "#article");
                Article(json, post, settings, description, wordCount, canonical);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                Article(json, post, settings, description, wordCount, canonical);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A reviewed page (About, a condition guide…) as a MedicalWebPage saying who reviewed it and when; null when nobody has.</summary>
    public static string? ReviewedPage(Page page, SiteSettings settings, string canonical)
    {
        if (page is not { ReviewedBy: { } reviewer, LastReviewed: { } reviewed }) return null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "MedicalWebPage");
            Review(json, page.Title, canonical, reviewer, reviewed, settings);
            json.WritePropertyName("publisher");
            Organization(json, settings);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>What a reviewed page says of itself: its address and name, and who checked the advice and when.</summary>
    private static void Review(Utf8JsonWriter json, string title, string canonical, Author reviewer, DateOnly reviewed, SiteSettings settings)
    {
        json.WriteString("url", canonical);
        json.WriteString("name", title);
        json.WriteString("inLanguage", settings.Language.Tag);
        json.WriteString("lastReviewed", Dates.Iso(reviewed));
        json.WritePropertyName("reviewedBy");
        Person(json, reviewer, settings);
    }

    private static void Article(Utf8JsonWriter json, Post post, SiteSettings settings, string description, int wordCount, string canonical)
    {
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
            json.WritePropertyName("author");
            Person(json, post.Author, settings);
        }
        json.WritePropertyName("publisher");
        Organization(json, settings);
    }

    /// <summary>An author or reviewer; their credentials are a free line of text, so they are its description.</summary>
    private static void Person(Utf8JsonWriter json, Author person, SiteSettings settings)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Person");
        json.WriteString("name", person.Name);
        json.WriteString("url", settings.Absolute(person.Url));
        if (person.Credentials is not null) json.WriteString("description", person.Credentials);
        json.WriteEndObject();
    }

    /// <summary>The home page: the WebSite (with its search) and the clinic (a MedicalBusiness) that publishes it.</summary>
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
            Organization(json, settings, details: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The clinic. On the home page (<paramref name="details"/>) it is a MedicalBusiness with its address, phone, hours and
    /// profiles; as a post's publisher, only who it is.
    /// </summary>
    private static void Organization(Utf8JsonWriter json, SiteSettings settings, bool details = false)
    {
        json.WriteStartObject();
        json.WriteString("@type", details ? "MedicalBusiness" : "Organization");
        json.WriteString("name", settings.Name);
        json.WriteString("url", settings.Absolute("/"));
        if (settings.Logo is { Length: > 0 } logo)
        {
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", settings.Absolute(logo));
            if (settings.LogoWidth is { } width && settings.LogoHeight is { } height)
            {
                json.WriteNumber("width", width);
                json.WriteNumber("height", height);
            }
            json.WriteEndObject();
            if (details) json.WriteString("image", settings.Absolute(logo));
        }
        if (details) ClinicDetails(json, settings);
        json.WriteEndObject();
    }

    private static void ClinicDetails(Utf8JsonWriter json, SiteSettings settings)
    {
        var clinic = settings.Clinic;
        if (settings.Description.Length > 0) json.WriteString("description", settings.Description);
        if (clinic.HasAddress || clinic.Country is not null)
        {
            json.WriteStartObject("address");
            json.WriteString("@type", "PostalAddress");
            WriteIfSet(json, "streetAddress", clinic.Street);
            WriteIfSet(json, "addressLocality", clinic.Town);
            WriteIfSet(json, "postalCode", clinic.Postcode);
            WriteIfSet(json, "addressCountry", clinic.Country);
            json.WriteEndObject();
        }
        WriteIfSet(json, "telephone", clinic.Phone);
        WriteIfSet(json, "email", clinic.Email);
        if (clinic.OpeningHours.Count > 0)
        {
            json.WriteStartArray("openingHoursSpecification");
            foreach (var hours in clinic.OpeningHours)
            {
                json.WriteStartObject();
                json.WriteString("@type", "OpeningHoursSpecification");
                json.WriteString("dayOfWeek", "https://schema.org/" + hours.Day);
                json.WriteString("opens", hours.Opens);
                json.WriteString("closes", hours.Closes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (settings.Social.Count > 0)
        {
            json.WriteStartArray("sameAs");
            foreach (var link in settings.Social) json.WriteStringValue(link.Url);
            json.WriteEndArray();
        }
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) json.WriteString(name, value);
    }
}
