using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class SiteEndpoint
{
    public static async Task<IResult> Get(CadenceDb db, CmsAddress address, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var logo = await LogoAsync(db, settings, cancellationToken);
        var clinic = settings.Clinic;
        var dto = new SiteDto(
            settings.ClinicName, settings.SiteTitle, settings.Description, settings.BaseUrl, address.Value, settings.TimeZone, settings.Language,
            settings.Navigation.Select(l => new LinkDto(l.Label, l.Url)).ToList(),
            settings.Social.Select(l => new LinkDto(l.Label, l.Url)).ToList(),
            settings.ThemeColour, logo, settings.Icon ?? settings.Logo,
            new ClinicDto(clinic.Street, clinic.Town, clinic.Postcode, clinic.Country, clinic.Phone, clinic.Email,
                clinic.OpeningHours.Select(h => new OpeningHoursDto(h.Day, h.Opens, h.Closes)).ToList(), clinic.Registration));
        return ETagged.Json(dto, DeliveryJson.Default.SiteDto);
    }

    /// <summary>The logo with its pixel size, so the site can reserve its space; its alt is always the clinic's name.</summary>
    private static async Task<ImageDto?> LogoAsync(CadenceDb db, SiteSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Logo is not { } url) return null;
        var name = url[(url.LastIndexOf('/') + 1)..];
        var file = await db.Media.AsNoTracking().Where(m => m.FileName == name).Select(m => new { m.Width, m.Height }).SingleOrDefaultAsync(cancellationToken);
        return new ImageDto(url, settings.ClinicName, file?.Width, file?.Height, []);
    }
}
