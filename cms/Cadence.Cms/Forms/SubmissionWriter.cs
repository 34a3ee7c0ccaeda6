using System.Threading.Channels;
using Cadence.Cms.Data;
using Cadence.Cms.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

/// <summary>A newsletter sign-up riding along with its submission; the confirmation goes out unless already confirmed.</summary>
public sealed record NewsletterSignup(string Email, string? FirstName, OutboxMail Confirmation);

/// <summary>
/// Everything one submission writes, committed together or not at all. The mails come as finished outbox rows:
/// turning a message into its bytes is done by the request, in parallel, not inside the single writer's turn.
/// </summary>
/// <param name="Notification">The email to the clinic.</param>
/// <param name="ReaderMail">The email to the reader (the ebook link).</param>
public sealed record SubmissionWrite(Submission Submission, OutboxMail? Notification, OutboxMail? ReaderMail, NewsletterSignup? Signup, TimeSpan DuplicateWindow)
{
    public bool SendsMail => Notification is not null || ReaderMail is not null || Signup is not null;
}

public enum WriteOutcome { Stored, Duplicate }

/// <summary>
/// The single writer for submissions. Requests put their write on a channel and wait; the writer takes everything
/// waiting (up to <see cref="MaxBatch"/>) and commits it in one SQLite transaction, then answers each request.
/// One commit for many submissions is what lets SQLite keep up with a burst, and a request is only answered once
/// its submission and its mail are on disk.
/// </summary>
public sealed class SubmissionWriter(IServiceScopeFactory scopes, MailDeliverySignal mailSignal, WriteGate gate, ILogger<SubmissionWriter> log) : IHostedService
{
    public const int MaxBatch = 256;
    private readonly Channel<(SubmissionWrite Write, TaskCompletionSource<WriteOutcome> Done)> queue =
        Channel.CreateBounded<(SubmissionWrite, TaskCompletionSource<WriteOutcome>)>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private Task? loop;

    /// <summary>Completes once the submission is committed (or recognised as a recent duplicate).</summary>
    public async Task<WriteOutcome> WriteAsync(SubmissionWrite write, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync((write, done), cancellationToken);
        // Not cancelled with the request: once queued it will be written, and the answer must not claim otherwise.
        return await done.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking new writes and finishes the ones already queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (loop is not null) await loop.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<(SubmissionWrite Write, TaskCompletionSource<WriteOutcome> Done)>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                var outcomes = await CommitAsync(batch.Select(b => b.Write).ToList());
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
            }
            catch (Exception batchError)
            {
                // One bad write must not fail its neighbours: write them one by one and fail only the bad one.
                log.LogWarning(batchError, "A batch of {Count} submissions failed; writing them one at a time", batch.Count);
                foreach (var (write, done) in batch)
                {
                    try { done.TrySetResult((await CommitAsync([write]))[0]); }
                    catch (Exception e) { done.TrySetException(e); }
                }
            }
            if (batch.Any(b => b.Done.Task.IsCompletedSuccessfully && b.Write.SendsMail))
                mailSignal.Pulse();
        }
    }

    private async Task<WriteOutcome[]> CommitAsync(IReadOnlyList<SubmissionWrite> writes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        using var turn = await gate.EnterAsync();
        // Opened through EF Core so the connection gets its settings (busy timeout, foreign keys); the transaction is
        // the connection's own, so the save and commit hooks for content (changes feed, webhook wake-up) stay out of it.
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var rows = new SubmissionRows(connection, transaction);
            var outcomes = await WriteAsync(rows, writes);
            await transaction.CommitAsync();
            return outcomes;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static async Task<WriteOutcome[]> WriteAsync(SubmissionRows rows, IReadOnlyList<SubmissionWrite> writes)
    {
        var since = writes.Min(w => w.Submission.ReceivedAt - w.DuplicateWindow);
        var recent = await rows.RecentAsync(writes.Select(w => w.Submission.ContentHash).Distinct().ToList(), since);
        var outcomes = new WriteOutcome[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var (submission, notification, readerMail, signup, window) = writes[i];
            var key = submission.ContentHash;
            if (recent.TryGetValue(key, out var last) && submission.ReceivedAt - last < window)
            {
                outcomes[i] = WriteOutcome.Duplicate;
                continue;
            }
            recent[key] = submission.ReceivedAt;
            // Linked, so the inbox can show whether each went out: the mail rows go first.
            if (notification is not null) submission.NotificationMailId = await rows.InsertMailAsync(notification);
            if (readerMail is not null) submission.ReaderMailId = await rows.InsertMailAsync(readerMail);
            await rows.InsertSubmissionAsync(submission);
            if (signup is not null) await rows.SignUpAsync(signup, submission.ReceivedAt);
            outcomes[i] = WriteOutcome.Stored;
        }
        return outcomes;
    }
}
