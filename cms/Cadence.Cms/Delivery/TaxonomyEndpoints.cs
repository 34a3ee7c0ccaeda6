using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class TaxonomyEndpoints
{
    public static async Task<IResult> Tags(CadenceDb db, CancellationToken cancellationToken)
    {
        var tags = await TagCounts(db).ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<TermCountDto>(tags), DeliveryJson.Default.ItemsDtoTermCountDto);
    }

    /// <summary>
    /// Tags with their live-post counts, only those a reader can see (a tag used only by drafts would name work that
    /// is not public yet). Counted in one pass over the live posts' tag links, read from indexes alone, instead of
    /// one count per tag that checked every linked post's row (each holds its body before its status).
    /// </summary>
    public static IQueryable<TermCountDto> TagCounts(CadenceDb db)
    {
        var counts = db.Posts.WhereLive().SelectMany(p => p.Tags, (_, t) => t.Id).GroupBy(id => id)
            .Select(g => new { TagId = g.Key, Count = g.Count() });
        return db.Tags.AsNoTracking().Join(counts, t => t.Id, c => c.TagId, (t, c) => new { t.Slug, t.Name, c.Count })
            .OrderBy(t => t.Slug).Select(t => new TermCountDto(t.Slug, t.Name, t.Count));
    }

    public static async Task<IResult> Categories(CadenceDb db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.Posts.AsQueryable().Any(LivePosts.Rule)).OrderBy(c => c.Slug)
            .Select(c => new TermCountDto(c.Slug, c.Name, c.Posts.AsQueryable().Count(LivePosts.Rule)))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<TermCountDto>(categories), DeliveryJson.Default.ItemsDtoTermCountDto);
    }

    public static async Task<IResult> Authors(CadenceDb db, CancellationToken cancellationToken)
    {
        // Staff who neither wrote nor reviewed a published post or page are not public people of the site.
        var live = db.Posts.WhereLive();
        var authors = await db.Authors.AsNoTracking().Where(a => live.Any(p => p.AuthorId == a.Id || p.ReviewedById == a.Id)).OrderBy(a => a.Slug)
            .Select(a => new AuthorDto(a.Slug, a.Name, a.Bio, a.Avatar,
                live.Count(p => p.AuthorId == a.Id), a.Credentials))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<AuthorDto>(authors), DeliveryJson.Default.ItemsDtoAuthorDto);
    }
}
