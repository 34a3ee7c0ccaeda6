using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class PostEndpoints
{
    public static async Task<IResult> List(HttpContext http, CadenceDb db, PostMapping mapping, CancellationToken cancellationToken)
    {
        var (query, errors) = PostQuery.Parse(http.Request.Query, ApiKeyAuthentication.IsPreview(http.User));
        if (query is null) return TypedResults.ValidationProblem(errors, title: "Some parameters are not valid.");

        var tag = query.Tag is null ? null : await db.Tags.AsNoTracking().Where(t => t.Slug == query.Tag)
            .Select(t => new { t.LivePostCount }).SingleOrDefaultAsync(cancellationToken);
        if (query.Tag is not null && tag is null)
            return DeliveryEndpoints.BadParameter("tag", $"There is no tag '{query.Tag}'.");
        if (query.Category is not null && !await db.Categories.AnyAsync(c => c.Slug == query.Category, cancellationToken))
            return DeliveryEndpoints.BadParameter("category", $"There is no category '{query.Category}'.");
        if (query.Author is not null && !await db.Authors.AnyAsync(a => a.Slug == query.Author, cancellationToken))
            return DeliveryEndpoints.BadParameter("author", $"There is no author '{query.Author}'.");

        var filtered = query.Apply(db.Posts.AsNoTracking());
        // A tag's live posts are counted as they change; any other filter is counted here, from the live-post indexes.
        var total = tag is not null && query.IsLiveOnly && query is { Category: null, Author: null }
            ? tag.LivePostCount
            : await filtered.CountAsync(cancellationToken);
        // Unclamped: a page past the end answers with no items, and says how many pages there are.
        var paging = new Paging(query.Page, query.Limit, total);
        var pages = paging.Pages;
        var posts = await filtered.Page(paging)
            .Include(p => p.Tags).Include(p => p.Category).Include(p => p.Author).Include(p => p.ReviewedBy)
            .AsSplitQuery().ToListAsync(cancellationToken);

        var items = await mapping.ToDtosAsync(posts, query.IncludeBody, cancellationToken);
        var pagination = new PaginationDto(query.Page, query.Limit, pages, total,
            query.Page < pages ? query.Page + 1 : null, query.Page > 1 ? Math.Min(query.Page - 1, pages) : null);
        return ETagged.Json(new PostPageDto(items, pagination), DeliveryJson.Default.PostPageDto);
    }

    public static async Task<IResult> Get(string slug, HttpContext http, CadenceDb db, PostMapping mapping, CancellationToken cancellationToken)
    {
        var preview = ApiKeyAuthentication.IsPreview(http.User);
        var visible = preview ? db.Posts.Where(p => p.DeletedAt == null) : db.Posts.WhereLive();
        var post = await visible.AsNoTracking().Where(p => p.Slug == slug && p.Kind == PostKind.Post)
            .Include(p => p.Tags).Include(p => p.Category).Include(p => p.Author).Include(p => p.ReviewedBy)
            .AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (post is null) return DeliveryEndpoints.NotFound($"The post '{slug}'");

        var dto = (await mapping.ToDtosAsync([post], includeBody: true, cancellationToken))[0];
        return ETagged.Json(dto, DeliveryJson.Default.PostDto);
    }
}
