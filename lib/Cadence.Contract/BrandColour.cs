using System.Globalization;

namespace Cadence.Contract;

/// <summary>
/// The clinic's theme colour, "#rrggbb". The site puts white text on it (the header's button), so a colour is accepted
/// only when white text on it meets WCAG AA for normal text (contrast 4.5:1).
/// </summary>
public static class BrandColour
{
    public const string Default = "#1f5f7a";
    public const double MinimumContrast = 4.5;

    /// <summary>The colour as lower-case "#rrggbb" ("#abc" and "ABCDEF" are accepted), or null when it is not one.</summary>
    public static string? Normalise(string? text)
    {
        var hex = (text ?? "").Trim().TrimStart('#');
        if (hex.Length == 3) hex = string.Concat(hex.Select(c => $"{c}{c}"));
        return hex.Length == 6 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _) ? "#" + hex.ToLowerInvariant() : null;
    }

    /// <summary>The contrast ratio of white on the colour (1 to 21), per WCAG 2's relative luminance.</summary>
    public static double ContrastWithWhite(string colour)
    {
        var hex = Normalise(colour) ?? throw new FormatException($"'{colour}' is not a colour like #1f5f7a.");
        var luminance = 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    /// <summary>Why the colour cannot be used, in words for the clinic owner; null when it can.</summary>
    public static string? Problem(string? text)
    {
        if (Normalise(text) is not { } colour) return "Enter a colour like #1f5f7a.";
        var contrast = ContrastWithWhite(colour);
        return contrast >= MinimumContrast
            ? null
            : $"White text on this colour is too hard to read (contrast {Math.Floor(contrast * 10) / 10:0.0} to 1; it needs at least 4.5). Choose a darker colour.";
    }

    private static double Channel(string hex, int at)
    {
        var value = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }
}
