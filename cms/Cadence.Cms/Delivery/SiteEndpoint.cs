using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Delivery;

public static class SiteEndpoint
{
    public static async Task<IResult> Get(HttpContext http, CadenceDb db, IOptions<CadenceOptions> options, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var dto = new SiteDto(
            settings.ClinicName, settings.SiteTitle, settings.Description, settings.BaseUrl, PublicUrl(http, options.Value), settings.TimeZone, settings.Language,
            settings.Navigation.Select(l => new LinkDto(l.Label, l.Url)).ToList(),
            settings.Social.Select(l => new LinkDto(l.Label, l.Url)).ToList());
        return ETagged.Json(dto, DeliveryJson.Default.SiteDto);
    }

    /// <summary>The CMS's public address: configured, or else the address this request reached.</summary>
    public static string PublicUrl(HttpContext http, CadenceOptions options) =>
        (options.PublicUrl ?? $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');
}
