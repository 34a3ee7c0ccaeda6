using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>The variants the CMS has made of public images, in the API's shape, and the list of images with them.</summary>
public static class ImageVariants
{
    /// <summary>Each image's variants, narrowest first, by media id.</summary>
    public static async Task<Dictionary<int, IReadOnlyList<ImageVariantDto>>> ByMediaAsync(CadenceDb db, IReadOnlyCollection<int>? mediaIds, CancellationToken cancellationToken)
    {
        var query = db.Set<MediaVariant>().AsNoTracking();
        if (mediaIds is not null) query = query.Where(v => mediaIds.Contains(v.MediaFileId));
        var rows = await query.OrderBy(v => v.MediaFileId).ThenBy(v => v.Id)
            .Select(v => new { v.MediaFileId, v.FileName, v.ContentType, v.Width, v.Height }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MediaFileId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<ImageVariantDto>)g.Select(r => new ImageVariantDto(MediaVariant.UrlPrefix + r.FileName, r.ContentType, r.Width, r.Height)).ToList());
    }

    /// <summary>GET /api/v1/images: every public image with its variants, so a build can write body images responsively.</summary>
    public static async Task<IResult> List(CadenceDb db, CancellationToken cancellationToken)
    {
        var images = await db.Media.AsNoTracking().Where(m => m.IsPublic && m.Width != null).OrderBy(m => m.FileName)
            .Select(m => new { m.Id, m.FileName, m.Alt, m.Width, m.Height }).ToListAsync(cancellationToken);
        var variants = await ByMediaAsync(db, null, cancellationToken);
        var items = images.Select(m => new MediaImageDto("/media/" + m.FileName, m.Alt, m.Width, m.Height,
            variants.TryGetValue(m.Id, out var made) ? made : [])).ToList();
        return ETagged.Json(new ItemsDto<MediaImageDto>(items), DeliveryJson.Default.ItemsDtoMediaImageDto);
    }
}
