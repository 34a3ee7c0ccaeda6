using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>A message to queue, for callers that do not need MimeKit themselves.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string? Html = null)
{
    public string? ReplyTo { get; init; }

    /// <summary>Extra headers, such as List-Unsubscribe.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Queues email durably: the message is a row in the outbox table, written in the caller's transaction,
/// and <see cref="MailDelivery"/> sends it afterwards with retries. Nothing is sent inline.
/// </summary>
public interface IMailOutbox
{
    /// <summary>A MIME message with the clinic's sender, text and optional HTML parts.</summary>
    MimeMessage Compose(OutgoingMail mail);

    /// <summary>
    /// Adds the message to the caller's unit of work; it is queued when the caller's SaveChanges commits. A message
    /// without a sender gets the clinic's.
    /// </summary>
    OutboxMail Stage(MimeMessage message);

    /// <summary>Queues and saves at once; the sender is woken straight away.</summary>
    Task<OutboxMail> QueueAsync(MimeMessage message, CancellationToken cancellationToken = default);

    Task<OutboxMail> QueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>Tells the sender that staged messages were committed, so it need not wait for its next poll.</summary>
    void Wake();
}

public sealed class MailOutbox(CadenceDb db, TimeProvider clock, ClinicSender sender, MailDeliverySignal signal) : IMailOutbox
{
    public MimeMessage Compose(OutgoingMail mail)
    {
        var message = ComposeMessage(mail);
        message.From.Add(sender.Current());
        return message;
    }

    public OutboxMail Stage(MimeMessage message)
    {
        if (message.From.Count == 0) message.From.Add(sender.Current());
        var row = ToRow(message, clock.GetUtcNow().UtcDateTime);
        db.Add(row);
        return row;
    }

    public async Task<OutboxMail> QueueAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var row = Stage(message);
        await db.SaveChangesAsync(cancellationToken);
        signal.Pulse();
        return row;
    }

    public Task<OutboxMail> QueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
        QueueAsync(Compose(mail), cancellationToken);

    public void Wake() => signal.Pulse();

    /// <summary>The message without a sender: <see cref="Stage"/> adds the clinic's.</summary>
    public static MimeMessage ComposeMessage(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (mail.ReplyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(mail.ReplyTo));
        message.Subject = mail.Subject;
        foreach (var (name, value) in mail.Headers) message.Headers.Add(name, value);
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The outbox row for a message; the message must already have its sender.</summary>
    public static OutboxMail ToRow(MimeMessage message, DateTime now)
    {
        message.Date = new DateTimeOffset(now, TimeSpan.Zero);
        if (string.IsNullOrEmpty(message.MessageId)) message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var addresses = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Concat(message.ReplyTo.Mailboxes)
            .Select(m => m.Address.ToLowerInvariant()).Distinct();
        return new OutboxMail
        {
            QueuedAt = now, Subject = message.Subject ?? "", To = string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            Addresses = " " + string.Join(' ', addresses) + " ", Message = bytes.ToArray(), NextAttemptAt = now,
        };
    }
}

/// <summary>Wakes the sender when something was queued, so mail goes out within moments rather than at the next poll.</summary>
public sealed class MailDeliverySignal : WakeSignal;
