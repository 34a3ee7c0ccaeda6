using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>
/// Sends queued mail in the background. A message is marked sent only after the transport accepted it, so a crash
/// sends it again rather than never (at least once). Failures wait <see cref="MailOptions.FirstBackoff"/>, doubling each time.
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

    /// <summary>Sends what is due now; returns how many messages were tried.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMail>().Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var mail in due)
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
        // Saved as one transaction per pass: cheap on SQLite, and at worst a crash resends this pass's messages.
        if (due.Count == 0) return 0;
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
