using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

public sealed record SubscriberPage(IReadOnlyList<Subscriber> Items, int Page, int Pages, int Total, IReadOnlyDictionary<SubscriberStatus, int> Counts);

/// <summary>The newsletter list as the manager shows it: newest sign-up first, filtered by status and email.</summary>
public sealed class SubscriberQueries(CadenceDb db)
{
    public const int PageSize = 50;

    public async Task<SubscriberPage> ListAsync(SubscriberStatus? status, string? email, int page, CancellationToken cancellationToken = default)
    {
        var query = db.Subscribers.AsNoTracking();
        if (status is { } wanted) query = query.Where(s => s.Status == wanted);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var needle = email.Trim().ToLowerInvariant();
            query = query.Where(s => s.Email.Contains(needle));
        }
        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Clamped(page, PageSize, total);
        var items = await query.OrderByDescending(s => s.SubscribedAt).ThenByDescending(s => s.Id)
            .Page(paging).ToListAsync(cancellationToken);
        var counts = await db.Subscribers.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new SubscriberPage(items, paging.Page, paging.Pages, total, counts);
    }
}
