namespace Cadence.Cms.Settings.Pages;

/// <summary>A setting someone else saved with a value other than the one this person submitted: shown so they can compare and merge.</summary>
/// <param name="Field">The form field's name (and id), so the list can link to it.</param>
public sealed record StoredSetting(string Field, string Label, string Stored)
{
    private static readonly (string Field, string Label, Func<SiteSettings, string> Read)[] Fields =
    [
        (nameof(SiteModel.ClinicName), "Clinic name", s => s.ClinicName),
        (nameof(SiteModel.SiteTitle), "Site title", s => s.SiteTitle),
        (nameof(SiteModel.Description), "Site description", s => s.Description),
        (nameof(SiteModel.BaseUrl), "Site address", s => s.BaseUrl),
        (nameof(SiteModel.TimeZone), "Time zone", s => s.TimeZone),
        (nameof(SiteModel.Language), "Language", s => s.Language),
        (nameof(SiteModel.NotificationEmail), "Notification email", s => s.NotificationEmail ?? ""),
        (nameof(SiteModel.Navigation), "Navigation links", s => LinkLines.Format(s.Navigation)),
        (nameof(SiteModel.Social), "Social links", s => LinkLines.Format(s.Social)),
        (nameof(SiteModel.ThemeColour), "Theme colour", s => s.ThemeColour),
        (nameof(SiteModel.Street), "Street", s => s.Clinic.Street ?? ""),
        (nameof(SiteModel.Town), "Town", s => s.Clinic.Town ?? ""),
        (nameof(SiteModel.Postcode), "Postcode", s => s.Clinic.Postcode ?? ""),
        (nameof(SiteModel.Country), "Country", s => s.Clinic.Country ?? ""),
        (nameof(SiteModel.Phone), "Phone", s => s.Clinic.Phone ?? ""),
        (nameof(SiteModel.PublicEmail), "Email for readers", s => s.Clinic.Email ?? ""),
        (nameof(SiteModel.OpeningHours), "Opening hours", s => Cadence.Contract.OpeningHours.Format(s.Clinic.OpeningHours)),
        (nameof(SiteModel.Registration), "Professional registration", s => s.Clinic.Registration ?? ""),
    ];

    /// <summary>The settings whose stored value differs from <paramref name="mine"/> (both as they are saved, so spacing alone is no difference).</summary>
    public static IReadOnlyList<StoredSetting> Differing(SiteSettings mine, SiteSettings stored) =>
        Fields.Where(f => f.Read(mine) != f.Read(stored)).Select(f => new StoredSetting(f.Field, f.Label, f.Read(stored))).ToList();
}
