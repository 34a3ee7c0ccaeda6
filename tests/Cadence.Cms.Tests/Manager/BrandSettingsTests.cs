using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>The clinic's brand and details: edited in Settings → Site, checked there, served by the delivery API.</summary>
public class BrandSettingsTests : SignedInAdminTests
{
    [Test, Order(1)]
    public async Task The_api_serves_the_imported_brand_and_clinic_details()
    {
        using var site = await ApiSite();
        var root = site.RootElement;
        var logo = root.GetProperty("logo");
        var clinic = root.GetProperty("clinic");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("themeColour").GetString(), Is.EqualTo("#1f5f7a"));
            Assert.That(logo.GetProperty("url").GetString(), Is.EqualTo("/media/stride-logo.png"));
            Assert.That(logo.GetProperty("alt").GetString(), Is.EqualTo("Stride Sports Therapy"), "a logo's alt is the clinic's name");
            Assert.That(logo.GetProperty("height").GetInt32(), Is.EqualTo(96));
            Assert.That(root.GetProperty("icon").GetString(), Is.EqualTo("/media/stride-icon.png"));
            Assert.That(clinic.GetProperty("phone").GetString(), Is.EqualTo("01632 960 481"));
            Assert.That(clinic.GetProperty("postcode").GetString(), Is.EqualTo("S1 4DT"));
            Assert.That(clinic.GetProperty("openingHours")[5].GetProperty("day").GetString(), Is.EqualTo("Saturday"));
            Assert.That(clinic.GetProperty("openingHours")[5].GetProperty("closes").GetString(), Is.EqualTo("13:00"));
        });
    }

    [Test, Order(2)]
    public async Task A_colour_too_pale_for_white_text_is_refused_in_plain_words()
    {
        var refused = await Admin.SubmitAsync("/manager/settings", new() { ["ThemeColour"] = "#7fd3f0" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(refused);
        Assert.Multiple(async () =>
        {
            Assert.That(page.QuerySelector("[data-valmsg-for=ThemeColour]")!.TextContent, Does.Contain("too hard to read").And.Contain("darker"));
            Assert.That((await Stored()).ThemeColour, Is.EqualTo("#1f5f7a"), "nothing was saved");
        });
    }

    [Test, Order(3)]
    public async Task Opening_hours_that_do_not_read_as_a_day_and_times_are_refused()
    {
        var refused = await Admin.SubmitAsync("/manager/settings", new() { ["OpeningHours"] = "Monday | 8 till late" });
        var page = await ManagerSession.ParseAsync(refused);
        Assert.That(page.QuerySelector("[data-valmsg-for=OpeningHours]")!.TextContent, Does.Contain("Line 1").And.Contain("Monday | 08:00-18:00"));
    }

    [Test, Order(4)]
    public async Task Saved_details_reach_the_api()
    {
        var saved = await Admin.SubmitAsync("/manager/settings", new()
        {
            ["ThemeColour"] = "#8A1C4B", ["Phone"] = "01632 960 999", ["Street"] = "2 Mill Lane", ["Registration"] = "HCPC registered (PH999999)",
            ["OpeningHours"] = "saturday | 9.00-12:30\nMonday | 07:30-18:00",
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var site = await ApiSite();
        var clinic = site.RootElement.GetProperty("clinic");
        Assert.Multiple(() =>
        {
            Assert.That(site.RootElement.GetProperty("themeColour").GetString(), Is.EqualTo("#8a1c4b"));
            Assert.That(clinic.GetProperty("phone").GetString(), Is.EqualTo("01632 960 999"));
            Assert.That(clinic.GetProperty("street").GetString(), Is.EqualTo("2 Mill Lane"));
            Assert.That(clinic.GetProperty("registration").GetString(), Is.EqualTo("HCPC registered (PH999999)"));
            Assert.That(clinic.GetProperty("openingHours").EnumerateArray().Select(h => $"{h.GetProperty("day")} {h.GetProperty("opens")}-{h.GetProperty("closes")}"),
                Is.EqualTo(new[] { "Monday 07:30-18:00", "Saturday 09:00-12:30" }), "in weekday order, times written one way");
        });
    }

    [Test, Order(5)]
    public async Task An_uploaded_logo_becomes_the_sites_logo_and_icon_source()
    {
        var page = await Admin.PageAsync("/manager/settings");
        using var form = new MultipartFormDataContent();
        foreach (var input in page.QuerySelectorAll("main form input[name], main form textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input.GetAttribute("type") is "file" or "checkbox" || name is "IconFromLogo" or "RemoveLogo") continue; // and their hidden "false"s
            form.Add(new StringContent(input is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? ""), name);
        }
        var logo = new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Content, "media", "stride-icon.png")));
        logo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(logo, "LogoUpload", "New Logo.png");
        form.Add(new StringContent("true"), "IconFromLogo");
        var saved = await Admin.PostAsync("/manager/settings", form);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var site = await ApiSite();
        var url = site.RootElement.GetProperty("logo").GetProperty("url").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(url, Does.StartWith("/media/logo"));
            Assert.That(site.RootElement.GetProperty("icon").GetString(), Is.EqualTo(url), "with no separate icon image, the icons are made from the logo");
            Assert.That(site.RootElement.GetProperty("logo").GetProperty("width").GetInt32(), Is.EqualTo(512));
        });
        using var client = Cms.Client();
        Assert.That((await client.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the logo is a public media file");
    }

    private async Task<JsonDocument> ApiSite()
    {
        using var client = Cms.Client(Cms.ContentKey);
        return JsonDocument.Parse(await client.GetStringAsync("api/v1/site"));
    }

    private async Task<Settings.SiteSettings> Stored()
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Settings.AsNoTracking().SingleAsync();
    }
}
