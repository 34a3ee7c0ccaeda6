using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class TaxonomyEndpoints
{
    public static async Task<IResult> Tags(CadenceDb db, CancellationToken cancellationToken)
    {
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Slug)
            .Select(t => new TermCountDto(t.Slug, t.Name, t.Posts.AsQueryable().Count(LivePosts.Rule)))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<TermCountDto>(tags), DeliveryJson.Default.ItemsDtoTermCountDto);
    }

    public static async Task<IResult> Categories(CadenceDb db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Slug)
            .Select(c => new TermCountDto(c.Slug, c.Name, c.Posts.AsQueryable().Count(LivePosts.Rule)))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<TermCountDto>(categories), DeliveryJson.Default.ItemsDtoTermCountDto);
    }

    public static async Task<IResult> Authors(CadenceDb db, CancellationToken cancellationToken)
    {
        var live = db.Posts.WhereLive();
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Slug)
            .Select(a => new AuthorDto(a.Slug, a.Name, a.Bio, a.Avatar,
                live.Count(p => p.AuthorId == a.Id), a.Credentials))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<AuthorDto>(authors), DeliveryJson.Default.ItemsDtoAuthorDto);
    }
}
