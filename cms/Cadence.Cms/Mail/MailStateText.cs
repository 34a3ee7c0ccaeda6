
namespace Cadence.Cms.Mail;

/// <summary>One sentence on where a queued email stands, in the clinic's time zone, for the manager.</summary>
public static class MailStateText
{
    public static async Task<string> DescribeAsync(OutboxMail mail, ManagerClock clock) => mail.State switch
    {
        OutboxMailState.Sent => $"sent {await clock.FormatAsync(mail.SentAt)}",
        OutboxMailState.Failed => $"failed after {Attempts(mail.Attempts)}: {mail.LastError}",
        _ when mail.Attempts > 0 => $"not sent yet: {Attempts(mail.Attempts)} failed ({mail.LastError}); next try {await clock.FormatAsync(mail.NextAttemptAt)}",
        _ => "queued, not sent yet",
    };

    public static async Task<string> DescribeAsync(OutboxRow row, ManagerClock clock) => row.State switch
    {
        OutboxMailState.Sent => $"Sent {await clock.FormatAsync(row.SentAt)}",
        OutboxMailState.Failed => "Failed",
        _ when row.Attempts > 0 => "Retrying",
        _ => "Queued",
    };

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";
}
