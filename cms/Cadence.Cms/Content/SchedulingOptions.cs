using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.Content;

/// <summary>The <c>Cadence:Scheduling</c> section.</summary>
public sealed class SchedulingOptions : IValidatableObject
{
    public const string Section = "Cadence:Scheduling";

    /// <summary>How often scheduled posts are checked; a post goes live at most this long after its time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval <= TimeSpan.Zero) yield return new ValidationResult("Cadence:Scheduling:Interval must be positive.");
    }
}
