namespace Cadence.Cms.Accounts;

public enum ApiKeyKind { Content, Preview }

/// <summary>A delivery API key. Only its SHA-256 is stored; the secret is shown once when it is made.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ApiKeyKind Kind { get; set; }
    public required string Hash { get; set; }

    /// <summary>The first characters of the secret, so people can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
