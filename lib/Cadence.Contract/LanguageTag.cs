using System.Globalization;

namespace Cadence.Contract;

/// <summary>The site's language: a BCP 47 tag that .NET knows as a predefined culture, en-GB when none is set.</summary>
public static class LanguageTag
{
    public const string Default = "en-GB";

    /// <summary>The tag as the culture spells it (en-gb becomes en-GB), or null when no predefined culture has it.</summary>
    public static string? Normalise(string? tag) => CultureOf(tag)?.Name;

    /// <summary>The predefined culture a tag names, or null when there is none.</summary>
    public static CultureInfo? CultureOf(string? tag)
    {
        // An empty name is the invariant culture, which is no language a reader has.
        if (string.IsNullOrWhiteSpace(tag)) return null;
        try
        {
            return CultureInfo.GetCultureInfo(tag.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
