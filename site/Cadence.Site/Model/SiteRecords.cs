using System.Text.Json.Serialization;
using Cadence.Contract;
using Cadence.Site.Keys;
using Cadence.Site.Source;

namespace Cadence.Site.Model;

// The immutable site model every page is rendered from. Lists are sorted once, when the model is built,
// and pages take slices of them.

/// <param name="Logo">The clinic's logo (a root-relative or absolute URL); null: the header shows the clinic's name.</param>
public sealed record SiteSettings(
    string ClinicName, string Title, string Description, string BaseUrl, string CmsUrl, TimeZoneInfo TimeZone,
    SiteLanguage Language, IReadOnlyList<ApiLink> Navigation, IReadOnlyList<ApiLink> Social, string? Logo = null)
{
    /// <summary>An absolute URL on the site for a root-relative path.</summary>
    public string Absolute(string path) => path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal)
        ? path
        : BaseUrl + path;

    /// <summary>"#rrggbb" with white text readable on it: the CSS's <c>--brand</c>, the manifest and theme-color.</summary>
    public string ThemeColour { get; init; } = BrandColour.Default;
    public int? LogoWidth { get; init; }
    public int? LogoHeight { get; init; }
    public ClinicDetails Clinic { get; init; } = ClinicDetails.Empty;

    /// <summary>The name the clinic goes by on the site: its clinic name, or else the site's title.</summary>
    public string Name => string.IsNullOrEmpty(ClinicName) ? Title : ClinicName;

    /// <summary>Pages the navigation does not link (a privacy policy, say): the footer links them.</summary>
    public IReadOnlyList<ApiLink> FooterPages { get; init; } = [];

    /// <summary>
    /// The main call to action, shown as the header's button rather than among the links: the last navigation entry,
    /// when it points at a page that holds a form (Contact a therapist). Null when it does not.
    /// </summary>
    public ApiLink? CallToAction { get; init; }
}

public sealed record Term(string Slug, string Name, string Url);

public sealed record Author(string Slug, string Name, string? Bio, string? Avatar, string Url)
{
    /// <summary>A short line of qualifications shown beside the name ("MSc, HCPC-registered physiotherapist").</summary>
    public string? Credentials { get; init; }
}

public sealed record FeaturedImage(string Url, string Alt, int? Width, int? Height, IReadOnlyList<ApiImageVariant>? Variants = null);

/// <summary>A published post. A page that shows it is keyed by its JSON form (<see cref="RecordKey"/>), in which the
/// body is stood for by <see cref="BodyKey"/>: bodies are read when a page is rendered, not held.</summary>
/// <param name="Index">Its place in <see cref="SiteModel.Posts"/>; a page shows its neighbours, not its place.</param>
/// <param name="Body">Null when it is read again at render time.</param>
public sealed record Post(
    [property: JsonIgnore] int Index, string Slug, string Title, string? Excerpt, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset LocalDate, int? ReadingMinutes, int? WordCount, [property: JsonIgnore] string? Body,
    IReadOnlyList<Term> Tags, Term? Category, Author? Author, FeaturedImage? Image, ApiSeo? Seo)
{
    /// <summary>A hash of the body.</summary>
    public Hash128 BodyKey { get; init; }

    /// <summary>Made once: pages, keys, feeds and the sitemap ask for it many times per post.</summary>
    public string Url { get; } = Urls.Post(Slug);

    /// <summary>The home page leads with the newest featured post.</summary>
    public bool Featured { get; init; }

    /// <summary>The clinician who checked the advice, with <see cref="LastReviewed"/>; null when nobody has.</summary>
    public Author? ReviewedBy { get; init; }

    public DateOnly? LastReviewed { get; init; }
}

/// <summary>
/// A published page (About, Contact…) at <c>/{slug}/</c>: no date on show, no tags, no place in lists or feeds.
/// Its key is its JSON, body and all: pages are few and short.
/// </summary>
public sealed record Page(string Slug, string Title, string? Excerpt, DateTimeOffset UpdatedAt, string Body, ApiSeo? Seo)
{
    public string Url { get; } = Urls.ContentPage(Slug);

    /// <summary>As a post's: the clinician who checked the advice, with <see cref="LastReviewed"/>.</summary>
    public Author? ReviewedBy { get; init; }

    public DateOnly? LastReviewed { get; init; }
}

/// <summary>A tag, category or author with its posts, newest first.</summary>
public sealed record PostGroup(string Slug, string Name, string Url, IReadOnlyList<Post> Posts, string? Description = null, string? Image = null)
{
    /// <summary>An author's credentials; null for tags and categories.</summary>
    public string? Credentials { get; init; }

    /// <summary>An author who wrote nothing published, named for the advice they reviewed: <see cref="Posts"/> are those.</summary>
    public bool ReviewsOnly { get; init; }
}

public sealed record YearGroup(int Year, IReadOnlyList<Post> Posts)
{
    public string Url { get; } = Urls.Year(Year);
}

/// <summary>An old address that moved: a renamed post's (<c>/posts/{slug}/</c>) or page's (<c>/{slug}/</c>).</summary>
public sealed record Redirect(string From, string To, bool IsPage = false)
{
    public string FromPath => IsPage ? Urls.ContentPage(From) : Urls.Post(From);
    public string ToPath => IsPage ? Urls.ContentPage(To) : Urls.Post(To);
}

public sealed record SiteModel(
    SiteSettings Settings,
    IReadOnlyList<Post> Posts,
    IReadOnlyList<PostGroup> Tags,
    IReadOnlyList<PostGroup> Categories,
    IReadOnlyList<PostGroup> Authors,
    IReadOnlyList<YearGroup> Years,
    IReadOnlyDictionary<string, ApiForm> Forms,
    IReadOnlyList<ApiForm> FormList,
    IReadOnlyList<Redirect> Redirects,
    RelatedPosts Related)
{
    /// <summary>The published pages, by slug.</summary>
    public IReadOnlyList<Page> Pages { get; init; } = [];

    /// <summary>The site-wide newsletter sign-up (the form keyed <c>newsletter</c>), or null when there is none.</summary>
    public ApiForm? Newsletter => Forms.GetValueOrDefault(NewsletterKey);

    public const string NewsletterKey = "newsletter";

    /// <summary>A hash of every post's slug, date and tags: what the related-post lists are computed from.</summary>
    public Hash128 RelatedKey { get; init; }

    /// <summary>The responsive variants of images, by the image's URL; what a body's images are written with.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiImageVariant>> Images { get; init; } = new Dictionary<string, IReadOnlyList<ApiImageVariant>>();
}
