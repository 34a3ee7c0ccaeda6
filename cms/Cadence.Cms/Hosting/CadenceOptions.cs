using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Cadence.Cms.Hosting;

/// <summary>The <c>Cadence</c> configuration section (environment variables <c>Cadence__Key</c>).</summary>
public sealed class CadenceOptions : IValidatableObject
{
    public const string Section = "Cadence";

    /// <summary>Folder for the SQLite database and other local state; a relative path starts at <see cref="LocalPaths"/>.</summary>
    [Required] public string DataPath { get; set; } = ".data";

    /// <summary>Content folder imported on the first start with an empty database; relative as <see cref="DataPath"/>.</summary>
    [Required] public string ContentPath { get; set; } = "content";

    /// <summary>A fixed content key for CI and containers; otherwise one is generated and printed once.</summary>
    [MinLength(24)] public string? ContentKey { get; set; }

    /// <summary>A fixed preview key; otherwise one is generated and printed once.</summary>
    [MinLength(24)] public string? PreviewKey { get; set; }

    /// <summary>
    /// The CMS's public address, used in links it hands out (forms, media, downloads, password resets). When set, only
    /// its host (and loopback) may appear in the Host header, and an https address turns on Secure cookies and HSTS.
    /// </summary>
    [Url] public string? PublicUrl { get; set; }

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks, <c>Cadence__Proxies__0=10.0.0.5</c>) whose X-Forwarded-For and
    /// X-Forwarded-Proto are believed; nobody else's are.
    /// </summary>
    public List<string> Proxies { get; set; } = [];

    /// <summary>Whether the public address is https, so cookies are Secure and browsers are told to keep to https.</summary>
    public bool IsPublicHttps => PublicUrl is not null && PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public AdminOptions Admin { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in Proxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
            yield return new ValidationResult($"Cadence:Proxies '{proxy}' is not an IP address or a network like 10.0.0.0/8.");
    }

    /// <summary>
    /// The folder for local state: the database (by default), data-protection keys, mail pickup. Read straight from
    /// configuration because services that need it are registered before options can be resolved.
    /// </summary>
    public static string DataFolder(IConfiguration configuration) =>
        LocalPaths.Resolve(configuration[$"{Section}:DataPath"] ?? ".data");
}

public sealed class AdminOptions
{
    [EmailAddress] public string? Email { get; set; }
    public string? Password { get; set; }
}
