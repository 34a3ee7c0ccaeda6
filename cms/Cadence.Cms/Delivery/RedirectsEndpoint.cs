using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class RedirectsEndpoint
{
    public static async Task<IResult> List(CadenceDb db, CancellationToken cancellationToken)
    {
        // Redirects are post addresses (/posts/old/ to /posts/new/); a renamed page keeps its redirect row for when pages get them.
        var live = db.Posts.WhereLive().Where(p => p.Kind == PostKind.Post);
        var redirects = await db.SlugRedirects.AsNoTracking()
            .Where(r => live.Any(p => p.Id == r.PostId))
            .OrderBy(r => r.FromSlug)
            .Select(r => new RedirectDto(r.FromSlug, r.Post!.Slug))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<RedirectDto>(redirects), DeliveryJson.Default.ItemsDtoRedirectDto);
    }
}
