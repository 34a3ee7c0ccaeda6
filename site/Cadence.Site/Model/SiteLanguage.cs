using System.Globalization;
using System.Text.RegularExpressions;
using Cadence.Contract;
using Cadence.Site.Source;

namespace Cadence.Site.Model;

/// <summary>The language the site is written in: its tag for HTML and feeds, and how its pages show dates.</summary>
public sealed partial record SiteLanguage(string Tag, CultureInfo Culture, string DatePattern)
{
    public static SiteLanguage Default { get; } = From(LanguageTag.Default);

    /// <summary>Open Graph spells locales with an underscore: en_GB.</summary>
    public string OgLocale => Tag.Replace('-', '_');

    public string LongDate(DateTimeOffset date) => date.ToString(DatePattern, Culture);

    /// <summary>A weekday, given in English as schema.org names it (Monday), in this language ("lundi").</summary>
    public string DayName(string englishDay) => Enum.TryParse<DayOfWeek>(englishDay, out var day)
        ? Culture.TextInfo.ToTitleCase(Culture.DateTimeFormat.GetDayName(day))
        : englishDay;

    /// <summary>The language a tag names; none (a site from an older CMS) means <see cref="LanguageTag.Default"/>.</summary>
    /// <exception cref="SourceException">The tag names no culture .NET knows.</exception>
    public static SiteLanguage From(string? tag)
    {
        var culture = LanguageTag.CultureOf(string.IsNullOrWhiteSpace(tag) ? LanguageTag.Default : tag)
            ?? throw new SourceException($"The site's language '{tag}' is not a known BCP 47 tag (like en-GB or de-DE).");
        return new SiteLanguage(culture.Name, culture, DateWithoutWeekday(culture.DateTimeFormat.LongDatePattern));
    }

    // The culture's long date without the weekday: "4 September 2026", "4. September 2026", "4 septembre 2026".
    // A post's date reads better without it, and it keeps English dates as they have always been.
    private static string DateWithoutWeekday(string pattern)
    {
        var trimmed = Weekday().Replace(pattern, "").Trim().Trim(',').Trim();
        return trimmed.Length == 0 ? "d MMMM yyyy" : trimmed;
    }

    [GeneratedRegex(@"\s*dddd[,\s]*")]
    private static partial Regex Weekday();
}
