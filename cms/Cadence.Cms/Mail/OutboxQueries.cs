using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Mail;

/// <summary>One row of the manager's outbox list (the message bytes stay in the database).</summary>
public sealed record OutboxRow(long Id, DateTime QueuedAt, string To, string Subject, OutboxMailState State, int Attempts,
    string? LastError, DateTime? NextAttemptAt, DateTime? SentAt);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Items, int Page, int Pages, int Total, OutboxHealth Health);

/// <summary>How delivery is going: failed for good, and waiting to retry after at least one failure.</summary>
public sealed record OutboxHealth(int Failed, int Retrying, int Queued)
{
    public bool IsFailing => Failed + Retrying > 0;
}

/// <summary>What the manager shows and does with the mail outbox: the list, its health, and "retry now".</summary>
public sealed class OutboxQueries(CadenceDb db, TimeProvider clock, MailDeliverySignal signal)
{
    public const int PageSize = 50;

    public async Task<OutboxPage> ListAsync(OutboxMailState? state, int page, CancellationToken cancellationToken = default)
    {
        var query = db.MailOutbox.AsNoTracking();
        query = state switch
        {
            OutboxMailState.Sent => query.Where(m => m.SentAt != null),
            OutboxMailState.Failed => query.Where(m => m.SentAt == null && m.NextAttemptAt == null),
            OutboxMailState.Pending => query.Where(m => m.SentAt == null && m.NextAttemptAt != null),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Clamped(page, PageSize, total);
        var rows = await query.OrderByDescending(m => m.Id).Page(paging)
            .Select(m => new { m.Id, m.QueuedAt, m.To, m.Subject, m.Attempts, m.LastError, m.NextAttemptAt, m.SentAt })
            .ToListAsync(cancellationToken);
        var items = rows.Select(m => new OutboxRow(m.Id, m.QueuedAt, m.To, m.Subject,
            m.SentAt is not null ? OutboxMailState.Sent : m.NextAttemptAt is null ? OutboxMailState.Failed : OutboxMailState.Pending,
            m.Attempts, m.LastError, m.NextAttemptAt, m.SentAt)).ToList();
        return new OutboxPage(items, paging.Page, paging.Pages, total, await HealthAsync(cancellationToken));
    }

    public async Task<OutboxHealth> HealthAsync(CancellationToken cancellationToken = default)
    {
        var unsent = await db.MailOutbox.AsNoTracking().Where(m => m.SentAt == null)
            .GroupBy(m => new { Failed = m.NextAttemptAt == null, Retried = m.Attempts > 0 })
            .Select(g => new { g.Key.Failed, g.Key.Retried, Count = g.Count() }).ToListAsync(cancellationToken);
        return new OutboxHealth(
            unsent.Where(g => g.Failed).Sum(g => g.Count),
            unsent.Where(g => !g.Failed && g.Retried).Sum(g => g.Count),
            unsent.Where(g => !g.Failed && !g.Retried).Sum(g => g.Count));
    }

    /// <summary>
    /// Makes an unsent message due now, including one that was given up, and wakes the sender. A given-up message
    /// gets one more attempt; if that fails too it is shown as failed again.
    /// </summary>
    public async Task<bool> RetryNowAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.MailOutbox.Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (changed == 1) signal.Pulse();
        return changed == 1;
    }
}
