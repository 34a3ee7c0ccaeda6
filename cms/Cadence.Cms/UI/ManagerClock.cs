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

    /// <summary>"14 Mar 2026, 07:30" in the clinic's zone, for lists and notices.</summary>
    public async Task<string> FormatAsync(DateTime? utc) =>
        utc is null ? "" : (await ToLocalAsync(utc.Value)).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
