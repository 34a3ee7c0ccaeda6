using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Mail;

/// <summary>
/// Sends queued mail in the background. A message is marked sent only after the transport accepted it, so a crash
/// sends it again rather than never (at least once). Failures wait <see cref="MailOptions.FirstBackoff"/>, doubling each time.
/// Every CMS instance on the database runs one; a message is claimed before it is sent, by an update that moves its
/// due <see cref="OutboxMail.NextAttemptAt"/> to the end of <see cref="MailOptions.ClaimLease"/>, so each queued
/// message is sent by one instance, and again only if that instance died before recording it.
/// </summary>
public sealed class MailDelivery(IServiceScopeFactory scopes, IMailTransport transport, MailDeliverySignal signal, WriteGate gate, TimeProvider clock,
    IOptions<MailOptions> options, ILogger<MailDelivery> log) : BackgroundLoop(clock, log)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.PollInterval;
    protected override string FailureMessage => "Mail delivery pass failed; trying again at the next poll";
    protected override WakeSignal Wake => signal;

    // A full batch means more may be due already.
    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken cancellationToken) =>
        await DeliverDueAsync(cancellationToken) < BatchSize ? null : TimeSpan.Zero;

    /// <summary>Sends what is due now; returns how many messages this instance claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var leaseEnd = now + options.Value.ClaimLease;
        List<long> claimed;
        using (await gate.EnterAsync(cancellationToken))
        {
            // One statement claims the batch and names what it claimed: a busy form's mail costs one short write turn
            // per pass, not one per message. The due check is repeated on each row as it is updated, so on PostgreSQL
            // a row another instance claimed first (its time moved past now) is skipped, never claimed twice.
            claimed = await db.Database.SqlQuery<long>($"""
                UPDATE "MailOutbox" SET "NextAttemptAt" = {leaseEnd}
                WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Id" IN (
                    SELECT "Id" FROM "MailOutbox" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt", "Id" LIMIT {BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }
        if (claimed.Count == 0) return 0;

        // Read untracked: a pass records its sends with one update, and only a failed message is tracked for its own.
        var mails = await db.Set<OutboxMail>().AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var sent = new List<long>(mails.Count);
        foreach (var mail in mails)
        {
            try
            {
                await transport.SendAsync(mail.Id, mail.Message, cancellationToken);
                sent.Add(mail.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                db.Attach(mail);
                RecordFailure(mail, e);
            }
        }
        // Saved as one transaction per pass: cheap on SQLite, and at worst a crash resends this pass's messages
        // once their lease has run out.
        var sentAt = Clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (sent.Count > 0)
                await db.Set<OutboxMail>().Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        return claimed.Count;
    }

    private void RecordFailure(OutboxMail mail, Exception error)
    {
        var settings = options.Value;
        mail.Attempts++;
        mail.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        if (mail.Attempts >= settings.MaxAttempts)
        {
            mail.NextAttemptAt = null;
            Log.LogError("Giving up on mail {Id} to {To} after {Attempts} attempts: {Error}", mail.Id, mail.To, mail.Attempts, mail.LastError);
            return;
        }
        var backoff = settings.FirstBackoff * Math.Pow(2, mail.Attempts - 1);
        mail.NextAttemptAt = Clock.GetUtcNow().UtcDateTime + (backoff > settings.MaxBackoff ? settings.MaxBackoff : backoff);
        Log.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}), next try at {Next}: {Error}", mail.Id, mail.To, mail.Attempts, mail.NextAttemptAt, mail.LastError);
    }
}
