using System.Globalization;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The changes feed, in pages of at most <c>limit</c> changes in the order they were made. A slug that changed is
/// reported as changed when its post is live now, and as deleted otherwise, so clients never need the history
/// itself; only slugs that were public at some time are in the feed (<see cref="ChangesFeedWriter"/>). Without a
/// cursor, the answer lists everything live now, paged by post. Clients follow <c>next</c> until it is null and
/// keep the last page's <c>cursor</c>.
/// </summary>
public static class ChangesEndpoint
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public static async Task<IResult> Get(string? since, string? limit, CadenceDb db, [FromServices] ContentVersion version, CancellationToken cancellationToken)
    {
        var from = new ChangesCursor(0, 0);
        if (since is not null && !ChangesCursor.TryParse(since, out from))
            return DeliveryEndpoints.BadParameter("since", "Use a cursor from an earlier answer.");
        var take = DefaultLimit;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 and <= MaxLimit))
            return DeliveryEndpoints.BadParameter("limit", $"Use a whole number from 1 to {MaxLimit}.");

        var last = await version.ReadAsync(cancellationToken);
        if (from.Change > last) return DeliveryEndpoints.BadParameter("since", "This cursor is newer than any change.");
        return since is null ? await EverythingAsync(db, last, 0, take, cancellationToken)
            : from.AfterPost is { } afterPost ? await EverythingAsync(db, from.Change, afterPost, take, cancellationToken)
            : await SinceAsync(db, from.Change, take, cancellationToken);
    }

    /// <summary>Every live post and page as of change <paramref name="version"/>, by id; later changes come in the next build.</summary>
    private static async Task<IResult> EverythingAsync(CadenceDb db, long version, int afterPost, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Posts.WhereLive().Where(p => p.Id > afterPost).OrderBy(p => p.Id).Take(take + 1)
            .Select(p => new { p.Id, p.Slug, p.Kind }).ToListAsync(cancellationToken);
        var more = rows.Count > take;
        if (more) rows.RemoveAt(take);
        var next = more ? new ChangesCursor(version, rows[^1].Id).ToString() : null;
        return Answer(new ChangesCursor(version, null).ToString(), next, rows.Select(p => (p.Slug, p.Kind)), [], siteChanged: true);
    }

    private static async Task<IResult> SinceAsync(CadenceDb db, long after, int take, CancellationToken cancellationToken)
    {
        var rows = await db.ContentChanges.Where(c => c.Id > after).OrderBy(c => c.Id).Take(take + 1)
            .Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken);
        var more = rows.Count > take;
        if (more) rows.RemoveAt(take);
        var cursor = (rows.Count > 0 ? rows[^1].Id : after).ToString(CultureInfo.InvariantCulture);

        var slugs = rows.Select(r => r.Slug).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var liveNow = (await db.Posts.WhereLive().Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Slug, p.Kind }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Slug, p => p.Kind, StringComparer.Ordinal);
        var deleted = slugs.Where(s => !liveNow.ContainsKey(s)).Order(StringComparer.Ordinal).ToList();
        return Answer(cursor, more ? cursor : null, liveNow.Select(p => (p.Key, p.Value)), deleted, siteChanged: rows.Any(r => r.Slug is null));
    }

    private static IResult Answer(string cursor, string? next, IEnumerable<(string Slug, PostKind Kind)> live, List<string> deleted, bool siteChanged)
    {
        var all = live.ToList();
        List<string> Of(PostKind kind) => all.Where(p => p.Kind == kind).Select(p => p.Slug).Order(StringComparer.Ordinal).ToList();
        return ETagged.Json(new ChangesDto(cursor, Of(PostKind.Post), deleted, siteChanged, Of(PostKind.Page), next),
            DeliveryJson.Default.ChangesDto);
    }
}
