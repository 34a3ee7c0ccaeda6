using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

/// <param name="From">Received at or after (UTC).</param>
/// <param name="Until">Received before (UTC).</param>
public sealed record InboxFilter(string? Form = null, SubmissionFolder Folder = SubmissionFolder.Inbox, bool? Read = null, string? Email = null, int Page = 1,
    DateTime? From = null, DateTime? Until = null);

public sealed record InboxPage(IReadOnlyList<Submission> Items, int Page, int Pages, int Total, IReadOnlyDictionary<string, int> UnreadByForm, int SpamCount);

/// <summary>What the inbox shows and does to submissions: lists, read state, moving between Inbox and Spam.</summary>
public sealed class InboxQueries(CadenceDb db)
{
    public const int PageSize = 25;

    public async Task<InboxPage> ListAsync(InboxFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Clamped(filter.Page, PageSize, total);
        var items = await query.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)
            .Page(paging).AsNoTracking().ToListAsync(cancellationToken);
        var unread = await db.Submissions.Where(s => !s.IsRead && s.Folder == SubmissionFolder.Inbox)
            .GroupBy(s => s.FormKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var spam = await db.Submissions.CountAsync(s => s.Folder == SubmissionFolder.Spam, cancellationToken);
        return new InboxPage(items, paging.Page, paging.Pages, total, unread, spam);
    }

    /// <summary>Everything matching the filter, oldest first, for export.</summary>
    public IAsyncEnumerable<Submission> AllAsync(InboxFilter filter) =>
        Filtered(filter).OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id).AsNoTracking().AsAsyncEnumerable();

    public Task<Submission?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>One submission with its two emails, for the detail page.</summary>
    public Task<Submission?> FindWithMailAsync(long id, CancellationToken cancellationToken = default) =>
        db.Submissions.AsNoTracking().Include(s => s.NotificationMail).Include(s => s.ReaderMail).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<bool> SetReadAsync(long id, bool read, CancellationToken cancellationToken = default) =>
        await SetReadAsync([id], read, cancellationToken) == 1;

    /// <returns>How many of the submissions exist (and now have that state).</returns>
    public Task<int> SetReadAsync(IReadOnlyCollection<long> ids, bool read, CancellationToken cancellationToken = default) =>
        db.Submissions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsRead, read), cancellationToken);

    public async Task<bool> MoveAsync(long id, SubmissionFolder folder, CancellationToken cancellationToken = default) =>
        await MoveAsync([id], folder, cancellationToken) == 1;

    /// <summary>Moves submissions between Inbox and Spam. Moving out of Spam forgets the suspicion.</summary>
    public Task<int> MoveAsync(IReadOnlyCollection<long> ids, SubmissionFolder folder, CancellationToken cancellationToken = default) =>
        db.Submissions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Folder, folder)
            .SetProperty(s => s.SpamReason, s => folder == SubmissionFolder.Spam ? (s.SpamReason ?? "Marked as spam in the inbox.") : null),
            cancellationToken);

    public Task<int> SpamCountAsync(CancellationToken cancellationToken = default) =>
        db.Submissions.CountAsync(s => s.Folder == SubmissionFolder.Spam, cancellationToken);

    /// <summary>Unread submissions in the Inbox folder, for the navigation.</summary>
    public Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        db.Submissions.CountAsync(s => s.Folder == SubmissionFolder.Inbox && !s.IsRead, cancellationToken);

    public Task<List<string>> FormKeysAsync(CancellationToken cancellationToken = default) =>
        db.Forms.OrderBy(f => f.Key).Select(f => f.Key).ToListAsync(cancellationToken);

    private IQueryable<Submission> Filtered(InboxFilter filter)
    {
        var query = db.Submissions.Where(s => s.Folder == filter.Folder);
        if (!string.IsNullOrEmpty(filter.Form)) query = query.Where(s => s.FormKey == filter.Form);
        if (filter.Read is { } read) query = query.Where(s => s.IsRead == read);
        if (filter.From is { } from) query = query.Where(s => s.ReceivedAt >= from);
        if (filter.Until is { } until) query = query.Where(s => s.ReceivedAt < until);
        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var email = filter.Email.Trim().ToLowerInvariant();
            query = query.Where(s => s.Email != null && s.Email.Contains(email));
        }
        return query;
    }
}
