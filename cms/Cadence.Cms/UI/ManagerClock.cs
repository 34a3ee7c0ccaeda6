using Cadence.Cms.Data;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.UI;

/// <summary>Shows and reads times in the clinic's time zone (SiteSettings.TimeZone); the database keeps UTC.</summary>
public sealed class ManagerClock(CadenceDb db, TimeProvider clock)
{
    private TimeZoneInfo? zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<TimeZoneInfo> ZoneAsync()
    {
        if (zone is not null) return zone;
        var id = await db.Settings.AsNoTracking().Select(s => s.TimeZone).FirstOrDefaultAsync() ?? "UTC";
        return zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
    }

    public async Task<DateTime> ToLocalAsync(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), await ZoneAsync());

    public async Task<DateTime> ToUtcAsync(DateTime local)
    {
        var tz = await ZoneAsync();
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving change does not exist; move it past the gap rather than fail.
        if (tz.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, tz);
    }

    /// <summary>"3 minutes ago", "5 hours ago", or the date beyond a day: how the dashboard speaks of recent events.</summary>
    public async Task<string> AgoAsync(DateTime utc)
    {
        var age = UtcNow - utc;
        if (age < TimeSpan.FromMinutes(1)) return "just now";
        if (age < TimeSpan.FromHours(1)) return age.Minutes == 1 ? "a minute ago" : $"{age.Minutes} minutes ago";
        if (age < TimeSpan.FromDays(1)) return age.Hours == 1 ? "an hour ago" : $"{age.Hours} hours ago";
        return $"on {await FormatAsync(utc)}";
    }

    /// <summary>"14 Mar 2026, 07:30" in the clinic's zone, for lists and notices.</summary>
    public async Task<string> FormatAsync(DateTime? utc) =>
        utc is null ? "" : (await ToLocalAsync(utc.Value)).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
