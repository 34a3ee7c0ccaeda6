namespace Cadence.Contract;

/// <summary>
/// How a reader reaches the clinic and why they may trust it: shown in the site's footer and as schema.org
/// MedicalBusiness. The CMS stores it, the API and site.yml carry it, the site shows it; every part is optional.
/// </summary>
/// <param name="Registration">A line such as "HCPC registered physiotherapists, PH12345".</param>
public sealed record ClinicDetails(
    string? Street, string? Town, string? Postcode, string? Country, string? Phone, string? Email,
    IReadOnlyList<OpeningHours> OpeningHours, string? Registration)
{
    public static ClinicDetails Empty { get; } = new(null, null, null, null, null, null, [], null);

    public bool IsEmpty => this is { Street: null, Town: null, Postcode: null, Country: null, Phone: null, Email: null, Registration: null, OpeningHours.Count: 0 };

    public bool HasAddress => !string.IsNullOrWhiteSpace(Street) || !string.IsNullOrWhiteSpace(Town) || !string.IsNullOrWhiteSpace(Postcode);
}

/// <summary>One weekday's opening, 24-hour "HH:mm" times (schema.org's opens/closes); a day not listed is closed.</summary>
/// <param name="Day">An English weekday name, as schema.org's dayOfWeek spells it (Monday…Sunday).</param>
public sealed record OpeningHours(string Day, string Opens, string Closes)
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static IReadOnlyList<string> Weekdays => Days;

    /// <summary>
    /// Lines of "Monday | 08:00-18:00" (the manager's plain editor), in weekday order; <paramref name="problem"/> names the
    /// first line that does not read that way.
    /// </summary>
    public static List<OpeningHours> Parse(string? text, out string? problem)
    {
        problem = null;
        var hours = new List<OpeningHours>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var day = Weekdays.FirstOrDefault(d => parts[0].Equals(d, StringComparison.OrdinalIgnoreCase));
            var times = parts.Length == 2 ? parts[1].Replace('–', '-').Split('-', 2, StringSplitOptions.TrimEntries) : [];
            if (day is null || times.Length != 2 || Time(times[0]) is not { } opens || Time(times[1]) is not { } closes)
            {
                problem = $"Line {number} should read like: Monday | 08:00-18:00 (leave closed days out).";
                return hours;
            }
            hours.Add(new OpeningHours(day, opens, closes));
        }
        return hours.OrderBy(h => Array.IndexOf(Days, h.Day)).ToList();
    }

    public static string Format(IEnumerable<OpeningHours> hours) => string.Join("\n", hours.Select(h => $"{h.Day} | {h.Opens}-{h.Closes}"));

    private static string? Time(string text) =>
        TimeOnly.TryParseExact(text.Replace('.', ':'), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
