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
        var dto = new SiteDto(
            settings.ClinicName, settings.SiteTitle, settings.Description, settings.BaseUrl, address.Value, settings.TimeZone, settings.Language,
            settings.Navigation.Select(l => new LinkDto(l.Label, l.Url)).ToList(),
            settings.Social.Select(l => new LinkDto(l.Label, l.Url)).ToList());
        return ETagged.Json(dto, DeliveryJson.Default.SiteDto);
    }
}
