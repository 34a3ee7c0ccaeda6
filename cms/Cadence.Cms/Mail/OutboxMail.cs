namespace Cadence.Cms.Mail;

/// <summary>
/// A queued email. The whole MIME message is stored, so what is sent after a restart is exactly what was queued.
/// Pending: <see cref="SentAt"/> and <see cref="NextAttemptAt"/> set to a time; failed for good: both null.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    public DateTime QueuedAt { get; set; }
    public required string Subject { get; set; }

    /// <summary>The recipients, for the manager's list.</summary>
    public required string To { get; set; }

    /// <summary>Every address in the message (to, cc, reply-to), lower-case between spaces, so erasing a person finds it.</summary>
    public required string Addresses { get; set; }

    public required byte[] Message { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    public OutboxMailState State => SentAt is not null ? OutboxMailState.Sent
        : NextAttemptAt is null ? OutboxMailState.Failed : OutboxMailState.Pending;
}

public enum OutboxMailState { Pending, Sent, Failed }
