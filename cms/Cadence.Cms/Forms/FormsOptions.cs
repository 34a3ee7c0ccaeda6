using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Cadence.Cms.Forms;

/// <summary>The <c>Cadence:Forms</c> section, such as <c>Cadence__Forms__AllowedOrigins__0</c> or <c>Cadence__Forms__RetentionDays</c>.</summary>
public sealed class FormsOptions : IValidatableObject
{
    public const string Section = "Cadence:Forms";

    /// <summary>Origins besides the site's base URL that may post forms, such as a preview host.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The older name of <c>Cadence:Proxies</c> (see Hosting/PublicEdge.cs), still honoured.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Submissions older than this are deleted.</summary>
    [Range(1, 36500)] public int RetentionDays { get; set; } = 365;

    /// <summary>A submission sooner than this after the page loaded is taken for a bot.</summary>
    [Range(0, 600)] public double MinimumFillSeconds { get; set; } = 3;

    /// <summary>The same submission again within this window is stored once.</summary>
    [Range(0, 1440)] public int DuplicateWindowMinutes { get; set; } = 10;

    [Range(1024, 1024 * 1024)] public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Submissions one client address may make per window.</summary>
    [Range(1, int.MaxValue)] public int RateLimitPermits { get; set; } = 10;

    [Range(1, 86400)] public int RateLimitWindowSeconds { get; set; } = 60;

    [Range(1, 365)] public int DownloadLinkDays { get; set; } = 7;

    /// <summary>The form whose submissions sign people up to the newsletter (with double opt-in).</summary>
    public string NewsletterForm { get; set; } = "newsletter";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins.Where(o => SiteOrigins.Normalise(o) is null))
            yield return new ValidationResult($"Cadence:Forms:AllowedOrigins '{origin}' is not an http(s) origin.");
        foreach (var proxy in TrustedProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Cadence:Forms:TrustedProxies '{proxy}' is not an IP address.");
    }
}
