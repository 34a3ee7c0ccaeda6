using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.UI;

/// <summary>The <c>Cadence:Site</c> section: where the site's preview server runs, if anywhere.</summary>
public sealed class ManagerOptions
{
    public const string Section = "Cadence:Site";

    /// <summary>The static site's <c>serve</c> preview, which renders drafts at <c>/preview/{slug}</c>.</summary>
    [Url] public string? PreviewUrl { get; set; }
}
