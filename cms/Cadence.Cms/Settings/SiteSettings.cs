namespace Cadence.Cms.Settings;

/// <summary>The one row of site-wide settings.</summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string ClinicName { get; set; } = "";
    public string SiteTitle { get; set; } = "";
    public string Description { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string? NotificationEmail { get; set; }
    public List<SiteLink> Navigation { get; set; } = [];
    public List<SiteLink> Social { get; set; } = [];
}

public sealed record SiteLink(string Label, string Url);
