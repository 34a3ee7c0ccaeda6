using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>
/// Deletes submissions older than Cadence:Forms:RetentionDays, and sent mail as old, a little after start-up
/// and every few hours after, on the injected clock.
/// </summary>
public sealed class SubmissionRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FormsOptions> options, ILogger<SubmissionRetention> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (submissions, mails) = await PurgeAsync(scope.ServiceProvider.GetRequiredService<CadenceDb>(), stoppingToken);
                if (submissions + mails > 0) log.LogInformation("Retention removed {Submissions} submissions and {Mails} sent mails", submissions, mails);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Purging old submissions failed; trying again at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<(int Submissions, int Mails)> PurgeAsync(CadenceDb db, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var submissions = await db.Submissions.Where(s => s.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.MailOutbox.Where(m => m.SentAt != null && m.QueuedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return (submissions, mails);
    }
}
