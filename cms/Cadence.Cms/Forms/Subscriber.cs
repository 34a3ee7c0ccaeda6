namespace Cadence.Cms.Forms;

public enum SubscriberStatus { Pending, Confirmed, Unsubscribed }

/// <summary>A newsletter subscriber. Confirmed only by the person pressing the button in the confirmation email (double opt-in).</summary>
public sealed class Subscriber
{
    public int Id { get; set; }

    /// <summary>Lower-case.</summary>
    public required string Email { get; set; }

    public string? FirstName { get; set; }
    public SubscriberStatus Status { get; set; }
    public DateTime SubscribedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Where the confirmation came from: the proof of consent.</summary>
    public string? ConfirmedIp { get; set; }

    public DateTime? UnsubscribedAt { get; set; }
}
