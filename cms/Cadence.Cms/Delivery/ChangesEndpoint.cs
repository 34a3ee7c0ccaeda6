using System.Globalization;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The changes feed. A cursor is the id of the last change a client has seen. A slug that changed is reported
/// as changed when its post is live now, and as deleted otherwise, so clients never need the history itself.
/// </summary>
public static class ChangesEndpoint
{
    public static async Task<IResult> Get(string? since, CadenceDb db, CancellationToken cancellationToken)
    {
        long? after = null;
        if (since is not null)
        {
            if (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return DeliveryEndpoints.BadParameter("since", "Use a cursor from an earlier answer.");
            after = parsed;
        }

        var last = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        if (after > last) return DeliveryEndpoints.BadParameter("since", "This cursor is newer than any change.");

        var live = db.Posts.WhereLive();
        if (after is null)
        {
            var all = await live.Select(p => new { p.Slug, p.Kind }).ToListAsync(cancellationToken);
            return Answer(last, all.Select(p => (p.Slug, p.Kind)), [], siteChanged: true);
        }

        var rows = await db.ContentChanges.Where(c => c.Id > after && c.Id <= last).Select(c => c.Slug).Distinct().ToListAsync(cancellationToken);
        var slugs = rows.OfType<string>().ToList();
        var liveNow = (await live.Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Slug, p.Kind }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Slug, p => p.Kind, StringComparer.Ordinal);
        var deleted = slugs.Where(s => !liveNow.ContainsKey(s)).Order(StringComparer.Ordinal).ToList();
        return Answer(last, liveNow.Select(p => (p.Key, p.Value)), deleted, siteChanged: rows.Contains(null));
    }

    private static IResult Answer(long cursor, IEnumerable<(string Slug, PostKind Kind)> live, List<string> deleted, bool siteChanged)
    {
        var all = live.ToList();
        List<string> Of(PostKind kind) => all.Where(p => p.Kind == kind).Select(p => p.Slug).Order(StringComparer.Ordinal).ToList();
        return ETagged.Json(new ChangesDto(cursor.ToString(CultureInfo.InvariantCulture), Of(PostKind.Post), deleted, siteChanged, Of(PostKind.Page)),
            DeliveryJson.Default.ChangesDto);
    }
}
