using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadence.Site.Source;

// The delivery API's shapes (docs/delivery-api.md). The folder source produces the same records,
// so everything after Source/ sees one kind of content whichever way it was fetched.

public sealed record ApiLink(string Label, string Url);

/// <param name="Language">Absent from older CMSes: en-GB.</param>
/// <param name="ThemeColour">Absent from older CMSes: the default colour.</param>
/// <param name="Icon">The image the icon set is made from; none: the clinic's initial on the theme colour.</param>
public sealed record ApiSite(
    string ClinicName, string Title, string Description, string BaseUrl, string CmsUrl, string TimeZone,
    IReadOnlyList<ApiLink> Navigation, IReadOnlyList<ApiLink> Social, string? Language = null,
    string? ThemeColour = null, ApiImage? Logo = null, string? Icon = null, ApiClinic? Clinic = null);

public sealed record ApiOpeningHours(string Day, string Opens, string Closes);

public sealed record ApiClinic(
    string? Street, string? Town, string? Postcode, string? Country, string? Phone, string? Email,
    IReadOnlyList<ApiOpeningHours>? OpeningHours, string? Registration);

public sealed record ApiTerm(string Slug, string Name, int PostCount = 0);

/// <param name="Credentials">A short line of qualifications shown beside the name; absent from older CMSes.</param>
public sealed record ApiAuthor(string Slug, string Name, string? Bio, string? Avatar, int PostCount = 0, string? Credentials = null);

/// <summary>One responsive copy of an image (docs/delivery-api.md): where it is, its type and its pixel size.</summary>
public sealed record ApiImageVariant(string Url, string Type, int Width, int Height);

public sealed record ApiImage(string Url, string? Alt, int? Width, int? Height, IReadOnlyList<ApiImageVariant>? Variants = null); // no variants: an older CMS, or not made yet

/// <summary>A public image with its responsive variants (<c>/api/v1/images</c>): how body images find theirs.</summary>
public sealed record ApiMediaImage(string Url, string? Alt, int? Width, int? Height, IReadOnlyList<ApiImageVariant> Variants);

public sealed record ApiSeo(string? Title, string? Description, string? SocialImage, string? CanonicalUrl);

public sealed record ApiPost(
    string Slug, string Title, string? Excerpt, string Status, DateTimeOffset? PublishedAt, DateTimeOffset? UpdatedAt,
    int? ReadingMinutes, int? WordCount, string? Body,
    IReadOnlyList<ApiTerm> Tags, ApiTerm? Category, ApiAuthor? Author, ApiImage? Image, ApiSeo? Seo,
    IReadOnlyList<string>? Forms, string? Path = null, // the post's path on the site; absent from older CMSes
    bool Featured = false, ApiAuthor? ReviewedBy = null, DateOnly? LastReviewed = null); // trust signals; absent from older CMSes

/// <summary>A page (About, Contact…): no tags, category, author or image; it lives at <c>/{slug}/</c>.</summary>
public sealed record ApiPage(
    string Slug, string Title, string? Excerpt, string Status, DateTimeOffset? PublishedAt, DateTimeOffset? UpdatedAt,
    string? Body, ApiSeo? Seo, IReadOnlyList<string>? Forms, string? Path = null,
    ApiAuthor? ReviewedBy = null, DateOnly? LastReviewed = null); // who checked the advice, and when; absent from older CMSes

public sealed record ApiPageList(IReadOnlyList<ApiPage> Items, ApiPagination Pagination);

public sealed record ApiFormField(string Name, string Type, string Label, bool Required, int? MaxLength, IReadOnlyList<string>? Options);

public sealed record ApiForm(
    string Key, string Title, string? Intro, string SubmitLabel, string SuccessMessage, string? ThankYouPath, bool HasAsset,
    IReadOnlyList<ApiFormField> Fields);

/// <param name="Kind"><c>page</c> for a renamed page; otherwise (and from CMSes that do not say) a post.</param>
public sealed record ApiRedirect(string From, string To, string? Kind = null)
{
    public bool IsPage => Kind == "page";
}

public sealed record ApiPagination(int Page, int Limit, int Pages, int Total, int? Next, int? Prev);

public sealed record ApiPostPage(IReadOnlyList<ApiPost> Items, ApiPagination Pagination);

public sealed record ApiList<T>(IReadOnlyList<T> Items);

/// <param name="ChangedPages">Pages that changed; absent from older CMSes (pages are fetched in full on every build anyway).</param>
/// <param name="Next">Where the next page of changes starts; null on the last page (and from older CMSes, which send one page).</param>
public sealed record ApiChanges(string Cursor, IReadOnlyList<string> Changed, IReadOnlyList<string> Deleted, bool SiteChanged,
    IReadOnlyList<string>? ChangedPages = null, string? Next = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiSite))]
[JsonSerializable(typeof(ApiPost))]
[JsonSerializable(typeof(ApiPostPage))]
[JsonSerializable(typeof(ApiPage))]
[JsonSerializable(typeof(ApiPageList))]
[JsonSerializable(typeof(ApiList<ApiTerm>))]
[JsonSerializable(typeof(ApiList<ApiAuthor>))]
[JsonSerializable(typeof(ApiList<ApiForm>))]
[JsonSerializable(typeof(ApiList<ApiRedirect>))]
[JsonSerializable(typeof(ApiChanges))]
[JsonSerializable(typeof(ApiList<ApiMediaImage>))]
internal sealed partial class ApiJson : JsonSerializerContext;
