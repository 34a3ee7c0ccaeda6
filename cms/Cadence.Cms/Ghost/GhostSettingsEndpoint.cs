using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Ghost;

/// <summary>Ghost's <c>settings</c>: the site's title, description, brand and menus, from Cadence's site settings.</summary>
public static class GhostSettingsEndpoint
{
    public static async Task<IResult> Get(CadenceDb db, PostAddress address, CmsAddress cms, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var links = new GhostLinks(await address.SiteAsync(cancellationToken), cms.Value);
        // The icon is the logo unless another image was chosen, as in the delivery API's site settings.
        var icon = settings.Icon ?? settings.Logo;
        return GhostResponse.Settings(new GhostSettings(
            settings.SiteTitle, settings.Description, links.Media(settings.Logo), links.Media(icon), settings.ThemeColour, null,
            null, null, settings.Language, settings.Language, settings.TimeZone, null, null,
            settings.Navigation.Select(l => new GhostNavigation(l.Label, l.Url)).ToList(),
            settings.Social.Select(l => new GhostNavigation(l.Label, l.Url)).ToList(),
            null, null, null, null, null, null, null, null, null, links.Site + "/"));
    }
}
