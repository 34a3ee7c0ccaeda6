using MimeKit;

namespace Cadence.Cms.Mail;

public enum MailTransportKind { Pickup, Smtp }

/// <summary>The <c>Cadence:Mail</c> section (<c>Cadence__Mail__Transport</c>, <c>Cadence__Mail__Smtp__Host</c>…).</summary>
public sealed class MailOptions
{
    public const string Section = "Cadence:Mail";

    /// <summary>Pickup (the default) writes .eml files to <c>&lt;DataPath&gt;/mail-pickup/</c>; Smtp sends them.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>The sender of every message, such as <c>Stride Sports Therapy &lt;hello@stride.example&gt;</c>.</summary>
    public string From { get; set; } = "Cadence <no-reply@localhost>";

    /// <summary>A message is given up (and shown as failed) after this many attempts.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with every further failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the sender looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public SmtpOptions Smtp { get; set; } = new();

    public static IEnumerable<string> Problems(MailOptions options)
    {
        if (!MailboxAddress.TryParse(options.From, out _)) yield return $"Cadence:Mail:From '{options.From}' is not an email address.";
        if (options.MaxAttempts < 1) yield return "Cadence:Mail:MaxAttempts must be at least 1.";
        if (options.FirstBackoff <= TimeSpan.Zero || options.MaxBackoff < options.FirstBackoff) yield return "Cadence:Mail backoff times must be positive, FirstBackoff <= MaxBackoff.";
        if (options.PollInterval <= TimeSpan.Zero) yield return "Cadence:Mail:PollInterval must be positive.";
        if (options.Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
            yield return "Cadence:Mail:Smtp:Host is required when Cadence:Mail:Transport is Smtp.";
        if (options.Smtp.Port is < 1 or > 65535) yield return "Cadence:Mail:Smtp:Port must be a TCP port.";
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
