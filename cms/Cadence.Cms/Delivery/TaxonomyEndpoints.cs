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
    /// is not public yet). The counts are kept by every save that moves them (<see cref="TagPostCounts"/>), so the
    /// list reads the tags alone, whatever the number of posts.
    /// </summary>
    public static IQueryable<TermCountDto> TagCounts(CadenceDb db) =>
        db.Tags.AsNoTracking().Where(t => t.LivePostCount > 0).OrderBy(t => t.Slug)
            .Select(t => new TermCountDto(t.Slug, t.Name, t.LivePostCount));

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
