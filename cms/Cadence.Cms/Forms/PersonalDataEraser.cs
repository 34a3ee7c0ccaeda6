using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

public sealed record ErasureReport(int Submissions, int Subscribers, int Mails);

/// <summary>Erases everything held about one email address (a data-subject request): submissions, subscriptions, mails.</summary>
public sealed class PersonalDataEraser(CadenceDb db)
{
    /// <summary>What <see cref="EraseAsync"/> would delete, for the confirmation step.</summary>
    public async Task<ErasureReport> PreviewAsync(string email, CancellationToken cancellationToken = default)
    {
        var address = Normalise(email);
        if (address.Length == 0) return new ErasureReport(0, 0, 0);
        var mentioning = await MentioningAsync(address, cancellationToken);
        return new ErasureReport(
            await db.Submissions.CountAsync(s => s.Email == address || mentioning.Contains(s.Id), cancellationToken),
            await db.Subscribers.CountAsync(s => s.Email == address, cancellationToken),
            await db.MailOutbox.CountAsync(m => m.Addresses.Contains(" " + address + " "), cancellationToken));
    }

    public async Task<ErasureReport> EraseAsync(string email, CancellationToken cancellationToken = default)
    {
        var address = Normalise(email);
        if (address.Length == 0) return new ErasureReport(0, 0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mentioning = await MentioningAsync(address, cancellationToken);
        var submissions = await db.Submissions.Where(s => s.Email == address || mentioning.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var subscribers = await db.Subscribers.Where(s => s.Email == address).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.MailOutbox.Where(m => m.Addresses.Contains(" " + address + " ")).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureReport(submissions, subscribers, mails);
    }

    private static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Submissions from someone else whose fields mention the address (say, in a message).</summary>
    private async Task<List<long>> MentioningAsync(string address, CancellationToken cancellationToken)
    {
        var mentioning = new List<long>();
        await foreach (var row in db.Submissions.AsNoTracking().Where(s => s.Email != address).Select(s => new { s.Id, s.Fields }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (row.Fields.Any(f => f.Value.Contains(address, StringComparison.OrdinalIgnoreCase))) mentioning.Add(row.Id);
        return mentioning;
    }
}
