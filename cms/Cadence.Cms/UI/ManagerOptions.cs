using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.UI;

/// <summary>The <c>Cadence:Site</c> section: where the site's preview server runs, if anywhere, and the secret its links are signed with.</summary>
public sealed class ManagerOptions : IValidatableObject
{
    public const string Section = "Cadence:Site";

    /// <summary>The static site's <c>serve</c> preview, which renders drafts at <c>/preview/{slug}</c>.</summary>
    [Url] public string? PreviewUrl { get; set; }

    /// <summary>Signs the Preview button's links (<see cref="Cadence.Contract.PreviewLink"/>); <c>serve --preview-secret</c> is given the same.</summary>
    public string? PreviewSecret { get; set; }

    public const int MinimumSecretLength = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PreviewUrl) && (PreviewSecret?.Length ?? 0) < MinimumSecretLength)
            yield return new ValidationResult(
                $"Cadence:Site:PreviewSecret must be at least {MinimumSecretLength} characters when Cadence:Site:PreviewUrl is set: the preview server opens drafts only with links signed by it.");
    }
}
