using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>Hands a message over for delivery. Queuing must be durable: once this returns, the message is not lost.</summary>
public interface IOutgoingMail
{
    Task QueueAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
