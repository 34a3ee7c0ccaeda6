using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class RedirectsEndpoint
{
    public static async Task<IResult> List(CadenceDb db, CancellationToken cancellationToken)
    {
        // A renamed post moves from /posts/old/ to /posts/new/, a renamed page from /old/ to /new/: the kind says which.
        var live = db.Posts.WhereLive();
        var redirects = await db.SlugRedirects.AsNoTracking()
            .Where(r => live.Any(p => p.Id == r.PostId))
            .OrderBy(r => r.FromSlug)
            .Select(r => new RedirectDto(r.FromSlug, r.Post!.Slug, r.Post.Kind == PostKind.Page ? RedirectDto.Page : RedirectDto.Post))
            .ToListAsync(cancellationToken);
        return ETagged.Json(new ItemsDto<RedirectDto>(redirects), DeliveryJson.Default.ItemsDtoRedirectDto);
    }
}
