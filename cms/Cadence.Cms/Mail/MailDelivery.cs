using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>
/// Sends queued mail in the background. A message is marked sent only after the transport accepted it, so a crash
/// sends it again rather than never (at least once). Failures wait <see cref="MailOptions.FirstBackoff"/>, doubling each time.
/// Every CMS instance on the database runs one; a message is claimed before it is sent, by a compare-and-set of its
/// <see cref="OutboxMail.NextAttemptAt"/> that moves it to the end of <see cref="MailOptions.ClaimLease"/>, so each
/// queued message is sent by one instance, and again only if that instance died before recording it.
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

    /// <summary>Sends what is due now; returns how many messages were due (claimed here or by another instance).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMail>().AsNoTracking().Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).Select(m => new { m.Id, m.NextAttemptAt }).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;

        var claimed = new List<long>(due.Count);
        var leaseEnd = now + options.Value.ClaimLease;
        using (await gate.EnterAsync(cancellationToken))
        {
            // One transaction for the batch's claims: one commit, however many messages.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var seen in due)
            {
                var seenAt = seen.NextAttemptAt;
                if (await db.Set<OutboxMail>().Where(m => m.Id == seen.Id && m.SentAt == null && m.NextAttemptAt == seenAt)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseEnd), cancellationToken) == 1)
                    claimed.Add(seen.Id);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var mails = await db.Set<OutboxMail>().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var mail in mails)
        {
            try
            {
                using var bytes = new MemoryStream(mail.Message);
                var message = await MimeMessage.LoadAsync(bytes, cancellationToken);
                await transport.SendAsync(mail.Id, message, cancellationToken);
                mail.SentAt = Clock.GetUtcNow().UtcDateTime;
                mail.NextAttemptAt = null;
                mail.Attempts++;
                mail.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                RecordFailure(mail, e);
            }
        }
        // Saved as one transaction per pass: cheap on SQLite, and at worst a crash resends this pass's messages
        // once their lease has run out.
        if (mails.Count > 0)
            using (await gate.EnterAsync(CancellationToken.None)) await db.SaveChangesAsync(CancellationToken.None);
        return due.Count;
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
