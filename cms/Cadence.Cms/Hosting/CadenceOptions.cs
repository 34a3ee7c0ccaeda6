using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.Hosting;

/// <summary>The <c>Cadence</c> configuration section (environment variables <c>Cadence__Key</c>).</summary>
public sealed class CadenceOptions
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

    /// <summary>The CMS's public address, used in links it hands out (forms, media, downloads). Defaults to the request's.</summary>
    [Url] public string? PublicUrl { get; set; }

    public AdminOptions Admin { get; set; } = new();

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
