namespace Cadence.Cms.Webhooks;

public enum WebhookKind { Generic, GitHub }

/// <summary>An endpoint configured in the manager. Secrets are kept encrypted with Data Protection: they must be used to sign.</summary>
public sealed class WebhookEndpoint
{
    public int Id { get; set; }

    /// <summary>For <see cref="WebhookKind.GitHub"/>, the repository as <c>owner/repo</c>.</summary>
    public required string Url { get; set; }
    public WebhookKind Kind { get; set; }
    public required string ProtectedSecret { get; set; }
    public string? ProtectedToken { get; set; }
    public List<string> Events { get; set; } = [];
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
