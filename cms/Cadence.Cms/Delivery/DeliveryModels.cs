namespace Cadence.Cms.Delivery;

// The delivery API's JSON, as documented in docs/delivery-api.md. Records cross the boundary; entities never do.

public sealed record LinkDto(string Label, string Url);

/// <param name="ThemeColour">"#rrggbb", readable under white text.</param>
/// <param name="Logo">The logo (its alt is the clinic's name); null: none, the site shows the name as a wordmark.</param>
/// <param name="Icon">The image the site's favicon set is made from (the logo unless another was chosen); null: none.</param>
public sealed record SiteDto(
    string ClinicName, string Title, string Description, string BaseUrl, string CmsUrl, string TimeZone,
    string Language, IReadOnlyList<LinkDto> Navigation, IReadOnlyList<LinkDto> Social,
    string ThemeColour, ImageDto? Logo, string? Icon, ClinicDto Clinic);

public sealed record OpeningHoursDto(string Day, string Opens, string Closes);

/// <summary>The clinic's address and contact details, opening hours and professional registration; any part may be null.</summary>
public sealed record ClinicDto(
    string? Street, string? Town, string? Postcode, string? Country, string? Phone, string? Email,
    IReadOnlyList<OpeningHoursDto> OpeningHours, string? Registration);

public sealed record TermDto(string Slug, string Name);

/// <param name="Credentials">A short line of qualifications ("MSc, HCPC-registered physiotherapist"), or null.</param>
public sealed record AuthorRefDto(string Slug, string Name, string? Bio, string? Avatar, string? Credentials);

/// <summary>A responsive copy of an image: AVIF, WebP or the fallback format at one width.</summary>
public sealed record ImageVariantDto(string Url, string Type, int Width, int Height);

/// <param name="Variants">Empty until the CMS has made them (in the background, soon after the upload).</param>
public sealed record ImageDto(string Url, string? Alt, int? Width, int? Height, IReadOnlyList<ImageVariantDto> Variants);

/// <summary>A public image with its variants: how the site finds the variants of images in post bodies.</summary>
public sealed record MediaImageDto(string Url, string? Alt, int? Width, int? Height, IReadOnlyList<ImageVariantDto> Variants);

public sealed record SeoDto(string? Title, string? Description, string? SocialImage, string? CanonicalUrl);

/// <param name="Featured">The site's home page leads with the newest featured post.</param>
/// <param name="ReviewedBy">The clinician who checked the advice, or null; set together with <paramref name="LastReviewed"/>.</param>
/// <param name="LastReviewed">The day the advice was last checked (a date, no time), or null.</param>
public sealed record PostDto(
    string Slug, string Title, string? Excerpt, string Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    int ReadingMinutes, int WordCount, string? Body, IReadOnlyList<TermDto> Tags, TermDto? Category, AuthorRefDto? Author,
    ImageDto? Image, SeoDto Seo, IReadOnlyList<string> Forms, string Path,
    bool Featured, AuthorRefDto? ReviewedBy, DateOnly? LastReviewed);

/// <summary>A page (About, Contact…): a post without tags, category, byline or image, at <see cref="Path"/>.</summary>
/// <param name="ReviewedBy">As a post's: who checked the advice, with <paramref name="LastReviewed"/>, or null.</param>
public sealed record PageDto(
    string Slug, string Title, string? Excerpt, string Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    string? Body, SeoDto Seo, IReadOnlyList<string> Forms, string Path, AuthorRefDto? ReviewedBy, DateOnly? LastReviewed);

public sealed record PageListDto(IReadOnlyList<PageDto> Items, PaginationDto Pagination);

public sealed record PaginationDto(int Page, int Limit, int Pages, int Total, int? Next, int? Prev);

public sealed record PostPageDto(IReadOnlyList<PostDto> Items, PaginationDto Pagination);

public sealed record TermCountDto(string Slug, string Name, int PostCount);

public sealed record AuthorDto(string Slug, string Name, string? Bio, string? Avatar, int PostCount, string? Credentials);

public sealed record FormFieldDto(string Name, string Type, string Label, bool Required, int? MaxLength, IReadOnlyList<string> Options);

public sealed record FormDto(
    string Key, string Title, string? Intro, string SubmitLabel, string SuccessMessage, string? ThankYouPath, bool HasAsset,
    IReadOnlyList<FormFieldDto> Fields);

/// <param name="Kind"><c>post</c> (at <c>/posts/{slug}/</c>) or <c>page</c> (at <c>/{slug}/</c>).</param>
public sealed record RedirectDto(string From, string To, string Kind)
{
    public const string Post = "post";
    public const string Page = "page";
}

public sealed record ItemsDto<T>(IReadOnlyList<T> Items);

/// <param name="Changed">Posts that are live now and changed.</param>
/// <param name="ChangedPages">Pages that are live now and changed (fetch them from /pages).</param>
/// <param name="Deleted">Slugs no longer live, of either kind (a slug belongs to one post or page).</param>
/// <param name="Next">The <c>since</c> of the next page; null on the last page, whose <c>cursor</c> is the one to keep.</param>
public sealed record ChangesDto(
    string Cursor, IReadOnlyList<string> Changed, IReadOnlyList<string> Deleted, bool SiteChanged, IReadOnlyList<string> ChangedPages, string? Next);
