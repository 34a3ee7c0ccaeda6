using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>Pages over the delivery API, with the posts' conventions: the same query, paging, ETags and problems.</summary>
public static class PageEndpoints
{
    public static async Task<IResult> List(HttpContext http, CadenceDb db, MarkdownFactsCache facts, CancellationToken cancellationToken)
    {
        var (query, errors) = PostQuery.Parse(http.Request.Query, ApiKeyAuthentication.IsPreview(http.User));
        if (query is null) return TypedResults.ValidationProblem(errors, title: "Some parameters are not valid.");
        if (query.Tag is not null || query.Category is not null || query.Author is not null)
            return DeliveryEndpoints.BadParameter(query.Tag is not null ? "tag" : query.Category is not null ? "category" : "author", "Pages have no tags, categories or authors.");

        var filtered = query.Apply(db.Posts.AsNoTracking(), PostKind.Page);
        var total = await filtered.CountAsync(cancellationToken);
        var paging = new Paging(query.Page, query.Limit, total);
        var pages = await filtered.Page(paging).Include(p => p.ReviewedBy).ToListAsync(cancellationToken);
        var pagination = new PaginationDto(query.Page, query.Limit, paging.Pages, total,
            query.Page < paging.Pages ? query.Page + 1 : null, query.Page > 1 ? Math.Min(query.Page - 1, paging.Pages) : null);
        return ETagged.Json(new PageListDto(pages.Select(p => ToDto(p, facts, query.IncludeBody)).ToList(), pagination), DeliveryJson.Default.PageListDto);
    }

    public static async Task<IResult> Get(string slug, HttpContext http, CadenceDb db, MarkdownFactsCache facts, CancellationToken cancellationToken)
    {
        var visible = ApiKeyAuthentication.IsPreview(http.User) ? db.Posts.Where(p => p.DeletedAt == null) : db.Posts.WhereLive();
        var page = await visible.AsNoTracking().Include(p => p.ReviewedBy).SingleOrDefaultAsync(p => p.Slug == slug && p.Kind == PostKind.Page, cancellationToken);
        if (page is null) return DeliveryEndpoints.NotFound($"The page '{slug}'");
        return ETagged.Json(ToDto(page, facts, includeBody: true), DeliveryJson.Default.PageDto);
    }

    private static PageDto ToDto(Post page, MarkdownFactsCache factsCache, bool includeBody)
    {
        var facts = factsCache.For(page.Body);
        return new PageDto(
            page.Slug, page.Title, PostMapping.ExcerptOf(page.Excerpt, facts), page.Status.ToString().ToLowerInvariant(),
            PostMapping.AsUtc(page.PublishedAt), PostMapping.AsUtc(page.UpdatedAt)!.Value, includeBody ? page.Body : null,
            new SeoDto(page.SeoTitle, page.SeoDescription, page.SocialImage, page.CanonicalUrl), facts.FormKeys,
            PostAddress.PathOf(PostKind.Page, page.Slug), PostMapping.AuthorRef(page.ReviewedBy), page.LastReviewed);
    }
}
