using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Cadence.Contract;
using Cadence.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Settings.Pages;

[Authorize(Policy = ManagerPolicies.Admins)]
public sealed class SiteModel(CadenceDb db, MediaLibrary media) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the clinic's name."), StringLength(120)] public string ClinicName { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Enter the site's title."), StringLength(120)] public string SiteTitle { get; set; } = "";
    [BindProperty, StringLength(300)] public string? Description { get; set; }
    [BindProperty, Url(ErrorMessage = "Enter the full address, like https://runtips.example.com.")] public string? BaseUrl { get; set; }
    [BindProperty, Required(ErrorMessage = "Choose a time zone.")] public string TimeZone { get; set; } = "UTC";
    [BindProperty, Required(ErrorMessage = "Choose the site's language.")] public string Language { get; set; } = LanguageTag.Default;
    [BindProperty, EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")] public string? NotificationEmail { get; set; }
    [BindProperty] public string? Navigation { get; set; }
    [BindProperty] public string? Social { get; set; }
    [BindProperty, Required(ErrorMessage = "Choose a theme colour.")] public string ThemeColour { get; set; } = BrandColour.Default;
    /// <summary>A new logo; the stored one stays when none is sent.</summary>
    [BindProperty] public IFormFile? LogoUpload { get; set; }
    [BindProperty] public bool RemoveLogo { get; set; }
    /// <summary>A separate image for the site's icons (a square mark reads better at 32 px than a wide logo).</summary>
    [BindProperty] public IFormFile? IconUpload { get; set; }
    /// <summary>Drops the separate icon image, so the icons are made from the logo again.</summary>
    [BindProperty] public bool IconFromLogo { get; set; }
    public string? Logo { get; private set; }
    public string? Icon { get; private set; }
    [BindProperty, StringLength(200)] public string? Street { get; set; }
    [BindProperty, StringLength(100)] public string? Town { get; set; }
    [BindProperty, StringLength(20)] public string? Postcode { get; set; }
    [BindProperty, StringLength(100)] public string? Country { get; set; }
    [BindProperty, Phone(ErrorMessage = "Enter a phone number like 01632 960 123."), StringLength(40)] public string? Phone { get; set; }
    [BindProperty, EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(200)] public string? PublicEmail { get; set; }
    [BindProperty] public string? OpeningHours { get; set; }
    [BindProperty, StringLength(300)] public string? Registration { get; set; }
    /// <summary>A page picked by its title, added to the end of the navigation on save (typing its address works too).</summary>
    [BindProperty] public int? AddPage { get; set; }

    /// <summary>The site's pages, to pick from by title.</summary>
    public IReadOnlyList<PageLink> PageChoices { get; private set; } = [];
    /// <summary>The settings' version when this page was opened: a save based on an older one is refused.</summary>
    [BindProperty] public int Version { get; set; }

    /// <summary>Set when someone else saved after this page was opened: what they stored, where it differs from this person's values.</summary>
    public IReadOnlyList<StoredSetting>? Conflict { get; private set; }

    public IReadOnlyList<string> Zones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        (ClinicName, SiteTitle, Description, BaseUrl, TimeZone, Language, NotificationEmail) =
            (settings.ClinicName, settings.SiteTitle, settings.Description, settings.BaseUrl, settings.TimeZone, settings.Language, settings.NotificationEmail);
        Navigation = LinkLines.Format(settings.Navigation);
        Social = LinkLines.Format(settings.Social);
        ShowBrand(settings);
        Version = settings.Version;
        PageChoices = await PageLink.AllAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone?.Trim() ?? "", out _))
            ModelState.AddModelError(nameof(TimeZone), "That time zone is unknown. Use a name like Europe/London.");
        var language = LanguageTag.Normalise(Language);
        if (language is null && !string.IsNullOrWhiteSpace(Language))
            ModelState.AddModelError(nameof(Language), "That language is unknown. Use a tag like en-GB, de-DE or fr-FR.");
        PageChoices = await PageLink.AllAsync(db, cancellationToken);
        var navigation = LinkLines.Parse(Navigation, out var navigationProblem);
        if (navigationProblem is not null) ModelState.AddModelError(nameof(Navigation), navigationProblem);
        if (PageChoices.FirstOrDefault(p => p.Id == AddPage) is { } picked && navigation.All(l => l.Url != picked.Path))
        {
            navigation.Add(new SiteLink(picked.Title, picked.Path));
            ModelState.Remove(nameof(Navigation));
            Navigation = LinkLines.Format(navigation);
        }
        ModelState.Remove(nameof(AddPage));
        AddPage = null;
        var social = LinkLines.Parse(Social, out var socialProblem);
        if (socialProblem is not null) ModelState.AddModelError(nameof(Social), socialProblem);
        if (BrandColour.Problem(ThemeColour) is { } colourProblem) ModelState.AddModelError(nameof(ThemeColour), colourProblem);
        Cadence.Contract.OpeningHours.Parse(OpeningHours, out var hoursProblem);
        if (hoursProblem is not null) ModelState.AddModelError(nameof(OpeningHours), hoursProblem);
        var current = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        ShowImages(current);
        if (!ModelState.IsValid) return Page();
        var logo = await UploadAsync(LogoUpload, nameof(LogoUpload), "logo", cancellationToken);
        var icon = await UploadAsync(IconUpload, nameof(IconUpload), "icon", cancellationToken);
        if (!ModelState.IsValid) return Page();

        var settings = await db.Settings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null) db.Settings.Add(settings = new SiteSettings());
        if (settings.Version != Version) return Refused(settings, language!, navigation, social);
        Apply(settings, language!, navigation, social);
        settings.Logo = logo ?? (RemoveLogo ? null : settings.Logo);
        settings.Icon = icon ?? (IconFromLogo ? null : settings.Icon);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) // another save landed between the check above and this write
        {
            db.ChangeTracker.Clear();
            return Refused(await db.Settings.AsNoTracking().SingleAsync(cancellationToken), language!, navigation, social);
        }
        TempData.Notice("Settings saved. The site shows them after its next build.");
        return Redirect(ManagerRoutes.Settings);
    }

    /// <summary>
    /// Shows the page again with this person's values still in the form and, beside them, what is stored now; the form
    /// then carries the stored version, so saving again deliberately overwrites.
    /// </summary>
    private PageResult Refused(SiteSettings stored, string language, List<SiteLink> navigation, List<SiteLink> social)
    {
        var mine = new SiteSettings();
        Apply(mine, language, navigation, social);
        Conflict = StoredSetting.Differing(mine, stored);
        ModelState.Remove(nameof(Version)); // else the form would show the posted version rather than the stored one
        Version = stored.Version;
        return Page();
    }

    private void Apply(SiteSettings settings, string language, List<SiteLink> navigation, List<SiteLink> social)
    {
        settings.ClinicName = ClinicName.Trim();
        settings.SiteTitle = SiteTitle.Trim();
        settings.Description = Description?.Trim() ?? "";
        settings.BaseUrl = BaseUrl?.Trim().TrimEnd('/') ?? "";
        settings.TimeZone = TimeZone.Trim();
        settings.Language = language;
        settings.NotificationEmail = string.IsNullOrWhiteSpace(NotificationEmail) ? null : NotificationEmail.Trim();
        settings.Navigation = navigation;
        settings.Social = social;
        settings.ThemeColour = BrandColour.Normalise(ThemeColour) ?? BrandColour.Default;
        settings.Clinic = new ClinicDetails(
            Trimmed(Street), Trimmed(Town), Trimmed(Postcode), Trimmed(Country), Trimmed(Phone), Trimmed(PublicEmail),
            Cadence.Contract.OpeningHours.Parse(OpeningHours, out _), Trimmed(Registration));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void ShowBrand(SiteSettings settings)
    {
        ThemeColour = settings.ThemeColour;
        var clinic = settings.Clinic;
        (Street, Town, Postcode, Country, Phone, PublicEmail, Registration) =
            (clinic.Street, clinic.Town, clinic.Postcode, clinic.Country, clinic.Phone, clinic.Email, clinic.Registration);
        OpeningHours = Cadence.Contract.OpeningHours.Format(clinic.OpeningHours);
        ShowImages(settings);
    }

    private void ShowImages(SiteSettings settings) => (Logo, Icon) = (settings.Logo, settings.Icon);

    /// <summary>An uploaded image, stored in the media library as a public file; its address, or null when none was sent.</summary>
    private async Task<string?> UploadAsync(IFormFile? upload, string field, string name, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0) return null;
        if (upload.Length > MediaLibrary.MaxBytes)
        {
            ModelState.AddModelError(field, $"The image is larger than {MediaLibrary.MaxBytes / 1024 / 1024} MB.");
            return null;
        }
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (ImageSize.Detect(bytes) is not (_, int, int))
        {
            ModelState.AddModelError(field, "Choose a PNG, JPEG, GIF or WebP image.");
            return null;
        }
        var file = await media.AddAsync(name + Path.GetExtension(upload.FileName), bytes, isPublic: true, alt: ClinicName.Trim(), cancellationToken);
        return "/media/" + file.FileName;
    }
}

/// <summary>Links edited as lines of "Label | address", which works in a plain textarea.</summary>
public static class LinkLines
{
    public static string Format(IEnumerable<SiteLink> links) => string.Join("\n", links.Select(l => $"{l.Label} | {l.Url}"));

    public static List<SiteLink> Parse(string? text, out string? problem)
    {
        problem = null;
        var links = new List<SiteLink>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            // The site's one URL policy (no //host, no javascript:), and a whole address: a path from the root or absolute.
            var valid = parts.Length == 2 && parts[0].Length > 0 && SafeUrl.IsAllowed(parts[1]) &&
                        (parts[1].StartsWith('/') || Uri.IsWellFormedUriString(parts[1], UriKind.Absolute));
            if (!valid)
            {
                problem = $"Line {number} should read like: Label | https://example.com or Label | /about/";
                return links;
            }
            links.Add(new SiteLink(parts[0], parts[1]));
        }
        return links;
    }
}
