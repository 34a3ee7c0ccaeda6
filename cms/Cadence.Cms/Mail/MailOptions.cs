using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Cadence.Cms.Mail;

public enum MailTransportKind { Pickup, Smtp }

/// <summary>The <c>Cadence:Mail</c> section (<c>Cadence__Mail__Transport</c>, <c>Cadence__Mail__Smtp__Host</c>…).</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Cadence:Mail";

    /// <summary>Pickup (the default) writes .eml files to <c>&lt;DataPath&gt;/mail-pickup/</c>; Smtp sends them.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>
    /// The sender's address, optionally with a name (<c>Stride Sports Therapy &lt;hello@stride.example&gt;</c>). Unset,
    /// mail comes from the clinic's name at no-reply@ the site's host (see <see cref="ClinicSender"/>).
    /// </summary>
    public string? From { get; set; }

    /// <summary>A message is given up (and shown as failed) after this many attempts.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with every further failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long an instance holds a message it is sending. A message whose instance died mid-send is sent by another
    /// instance once this has passed; keep it well above the longest SMTP conversation.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the sender looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public SmtpOptions Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(From) && !MailboxAddress.TryParse(From, out _)) yield return new($"Cadence:Mail:From '{From}' is not an email address.");
        if (MaxAttempts < 1) yield return new("Cadence:Mail:MaxAttempts must be at least 1.");
        if (FirstBackoff <= TimeSpan.Zero || MaxBackoff < FirstBackoff) yield return new("Cadence:Mail backoff times must be positive, FirstBackoff <= MaxBackoff.");
        if (PollInterval <= TimeSpan.Zero) yield return new("Cadence:Mail:PollInterval must be positive.");
        if (ClaimLease <= TimeSpan.Zero) yield return new("Cadence:Mail:ClaimLease must be positive.");
        if (Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(Smtp.Host))
            yield return new("Cadence:Mail:Smtp:Host is required when Cadence:Mail:Transport is Smtp.");
        if (Smtp.Port is < 1 or > 65535) yield return new("Cadence:Mail:Smtp:Port must be a TCP port.");
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>STARTTLS on 587, implicit TLS on 465; off only for a local relay.</summary>
    public bool UseTls { get; set; } = true;
}
