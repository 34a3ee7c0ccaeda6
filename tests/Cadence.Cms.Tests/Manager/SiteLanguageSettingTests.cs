using System.Net;
using System.Text.Json;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>The site's language: served by the delivery API, edited on the Settings page, checked against known cultures.</summary>
public class SiteLanguageSettingTests : SignedInAdminTests
{
    [Test, Order(1)]
    public async Task The_api_serves_the_imported_language()
    {
        Assert.That(await ApiLanguage(), Is.EqualTo("en-GB"));
        var page = await Admin.PageAsync("/manager/settings");
        Assert.That(page.QuerySelector("input[name=Language]")!.GetAttribute("value"), Is.EqualTo("en-GB"));
    }

    [Test, Order(2)]
    public async Task An_unknown_tag_is_refused_next_to_the_field_and_nothing_changes()
    {
        var bad = await Admin.SubmitAsync("/manager/settings", new() { ["Language"] = "xx-NOPE" });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(bad);
        var stored = await StoredLanguage();
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-valmsg-for=Language]")!.TextContent, Does.Contain("unknown"));
            Assert.That(page.QuerySelector("input[name=Language]")!.GetAttribute("value"), Is.EqualTo("xx-NOPE"), "what was typed stays in the field");
            Assert.That(stored, Is.EqualTo("en-GB"));
        });
    }

    [Test, Order(3)]
    public async Task A_known_tag_is_saved_as_the_culture_spells_it_and_served()
    {
        var good = await Admin.SubmitAsync("/manager/settings", new() { ["Language"] = " de-de " });
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await StoredLanguage(), Is.EqualTo("de-DE"));
        Assert.That(await ApiLanguage(), Is.EqualTo("de-DE"));
    }

    private async Task<string?> ApiLanguage()
    {
        using var client = Cms.Client(Cms.ContentKey);
        using var site = JsonDocument.Parse(await client.GetStringAsync("api/v1/site"));
        return site.RootElement.GetProperty("language").GetString();
    }

    private async Task<string> StoredLanguage()
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CadenceDb>().Settings.AsNoTracking().SingleAsync()).Language;
    }
}
