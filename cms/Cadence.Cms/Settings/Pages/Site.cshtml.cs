using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Contract;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Settings.Pages;

[Authorize(Policy = ManagerPolicies.Admins)]
public sealed class SiteModel(CadenceDb db) : PageModel
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

    public IReadOnlyList<string> Zones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        (ClinicName, SiteTitle, Description, BaseUrl, TimeZone, Language, NotificationEmail) =
            (settings.ClinicName, settings.SiteTitle, settings.Description, settings.BaseUrl, settings.TimeZone, settings.Language, settings.NotificationEmail);
        Navigation = LinkLines.Format(settings.Navigation);
        Social = LinkLines.Format(settings.Social);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone?.Trim() ?? "", out _))
            ModelState.AddModelError(nameof(TimeZone), "That time zone is unknown. Use a name like Europe/London.");
        var language = LanguageTag.Normalise(Language);
        if (language is null && !string.IsNullOrWhiteSpace(Language))
            ModelState.AddModelError(nameof(Language), "That language is unknown. Use a tag like en-GB, de-DE or fr-FR.");
        var navigation = LinkLines.Parse(Navigation, out var navigationProblem);
        if (navigationProblem is not null) ModelState.AddModelError(nameof(Navigation), navigationProblem);
        var social = LinkLines.Parse(Social, out var socialProblem);
        if (socialProblem is not null) ModelState.AddModelError(nameof(Social), socialProblem);
        if (!ModelState.IsValid) return Page();

        var settings = await db.Settings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null) db.Settings.Add(settings = new SiteSettings());
        settings.ClinicName = ClinicName.Trim();
        settings.SiteTitle = SiteTitle.Trim();
        settings.Description = Description?.Trim() ?? "";
        settings.BaseUrl = BaseUrl?.Trim().TrimEnd('/') ?? "";
        settings.TimeZone = TimeZone!.Trim();
        settings.Language = language!;
        settings.NotificationEmail = string.IsNullOrWhiteSpace(NotificationEmail) ? null : NotificationEmail.Trim();
        settings.Navigation = navigation;
        settings.Social = social;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Notice("Settings saved. The site shows them after its next build.");
        return Redirect(ManagerRoutes.Settings);
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
            var valid = parts.Length == 2 && parts[0].Length > 0 &&
                        (parts[1].StartsWith('/') || Uri.TryCreate(parts[1], UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto");
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
