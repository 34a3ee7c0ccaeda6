using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>
/// Deletes submissions older than Cadence:Forms:RetentionDays, and sent mail as old, a little after start-up
/// and every few hours after, on the injected Clock.
/// </summary>
public sealed class SubmissionRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FormsOptions> options, ILogger<SubmissionRetention> log)
    : BackgroundLoop(clock, log)
{
    public static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(6);

    protected override TimeSpan Interval => RetentionInterval;
    protected override string FailureMessage => "Purging old submissions failed; trying again at the next tick";

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (submissions, mails) = await PurgeAsync(scope.ServiceProvider.GetRequiredService<CadenceDb>(), cancellationToken);
        if (submissions + mails > 0) Log.LogInformation("Retention removed {Submissions} submissions and {Mails} sent mails", submissions, mails);
        return null;
    }

    public async Task<(int Submissions, int Mails)> PurgeAsync(CadenceDb db, CancellationToken cancellationToken = default)
    {
        var cutoff = Clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var submissions = await db.Submissions.Where(s => s.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.MailOutbox.Where(m => m.SentAt != null && m.QueuedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return (submissions, mails);
    }
}
