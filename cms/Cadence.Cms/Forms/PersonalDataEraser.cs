using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

public sealed record ErasureReport(int Submissions, int Subscribers, int Mails);

/// <summary>Erases everything held about one email address (a data-subject request): submissions, subscriptions, mails.</summary>
public sealed class PersonalDataEraser(CadenceDb db)
{
    public async Task<ErasureReport> EraseAsync(string email, CancellationToken cancellationToken = default)
    {
        var address = email.Trim().ToLowerInvariant();
        if (address.Length == 0) return new ErasureReport(0, 0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Matched by the email field, and by any other field that mentions the address (say, in a message).
        var mentioning = new List<long>();
        await foreach (var row in db.Submissions.AsNoTracking().Where(s => s.Email != address).Select(s => new { s.Id, s.Fields }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (row.Fields.Any(f => f.Value.Contains(address, StringComparison.OrdinalIgnoreCase))) mentioning.Add(row.Id);
        var submissions = await db.Submissions.Where(s => s.Email == address || mentioning.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var subscribers = await db.Subscribers.Where(s => s.Email == address).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.MailOutbox.Where(m => m.Addresses.Contains(" " + address + " ")).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureReport(submissions, subscribers, mails);
    }
}
