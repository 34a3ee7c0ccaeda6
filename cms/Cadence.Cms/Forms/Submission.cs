namespace Cadence.Cms.Forms;

public enum SubmissionFolder { Inbox, Spam }

/// <summary>One reader's submission of a form, kept exactly as given (trimmed), in the order the form defines its fields.</summary>
public sealed class Submission
{
    public long Id { get; set; }
    public required string FormKey { get; set; }
    public DateTime ReceivedAt { get; set; }
    public List<SubmittedField> Fields { get; set; } = [];

    /// <summary>The value of the form's first email field, lower-case: what filters and erasure look for.</summary>
    public string? Email { get; set; }

    public SubmissionFolder Folder { get; set; }

    /// <summary>Why it was put in the Spam folder, for the person reviewing it.</summary>
    public string? SpamReason { get; set; }

    public bool IsRead { get; set; }

    /// <summary>SHA-256 of the form key and normalised values: the same submission twice in a short window is stored once.</summary>
    public required string ContentHash { get; set; }

    public string? ClientIp { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>The email telling the clinic about this submission, so the inbox can show whether it went out.</summary>
    public long? NotificationMailId { get; set; }
    public Cadence.Cms.Mail.OutboxMail? NotificationMail { get; set; }

    /// <summary>The email to the reader (the ebook link), if the form sends one.</summary>
    public long? ReaderMailId { get; set; }
    public Cadence.Cms.Mail.OutboxMail? ReaderMail { get; set; }

    /// <summary>Random, carried inside this submission's signed download link, so a download can be counted against it.</summary>
    public string? DownloadKey { get; set; }
    public int Downloads { get; set; }
    public DateTime? FirstDownloadAt { get; set; }
    public DateTime? LastDownloadAt { get; set; }

    public string? Value(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;
}

public sealed record SubmittedField(string Name, string Value);
