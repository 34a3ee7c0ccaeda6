using Cadence.Contract;

namespace Cadence.Cms.Settings;

/// <summary>The one row of site-wide settings.</summary>
public sealed class SiteSettings : Data.IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string ClinicName { get; set; } = "";
    public string SiteTitle { get; set; } = "";
    public string Description { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    /// <summary>A BCP 47 tag (en-GB, de-DE): the site's &lt;html lang&gt;, feed language and date format.</summary>
    public string Language { get; set; } = LanguageTag.Default;
    public string? NotificationEmail { get; set; }
    public List<SiteLink> Navigation { get; set; } = [];
    public List<SiteLink> Social { get; set; } = [];
    /// <summary>"#rrggbb", readable under white text (<see cref="BrandColour"/>): the site's header button, manifest and theme-color.</summary>
    public string ThemeColour { get; set; } = BrandColour.Default;
    /// <summary>The logo's address in the media library (<c>/media/logo.png</c>); null shows the clinic's name as a wordmark.</summary>
    public string? Logo { get; set; }
    /// <summary>The image the site's icons are made from (<c>/media/…</c>); null uses the logo, or else the clinic's initial.</summary>
    public string? Icon { get; set; }
    public ClinicDetails Clinic { get; set; } = ClinicDetails.Empty;

    /// <summary>Goes up by one with every save; a save based on an older version is refused, so two admins never overwrite each other unseen.</summary>
    public int Version { get; set; }
}

public sealed record SiteLink(string Label, string Url);
