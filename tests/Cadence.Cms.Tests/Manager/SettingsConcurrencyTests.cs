using System.Net;
using AngleSharp.Html.Dom;
using Cadence.Cms.Data;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>Two admins with Settings open: the later save is refused with what is stored now, and can then overwrite deliberately.</summary>
public class SettingsConcurrencyTests : SignedInAdminTests
{
    [Test]
    public async Task A_save_based_on_an_older_version_is_refused_and_saving_again_overwrites()
    {
        using var second = await ManagerSession.SignedInAsync(Cms);
        var opened = await second.PageAsync("/manager/settings");

        var first = await Admin.SubmitAsync("/manager/settings", new() { ["SiteTitle"] = "First's title", ["ClinicName"] = "First clinic" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var refused = await PostFormAsync(second, opened, new() { ["SiteTitle"] = "Second's title" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(refused);
        var stored = await StoredAsync();
        var storedNow = page.QuerySelectorAll("#stored-now dt").Select(d => d.TextContent.Trim()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#conflict")!.TextContent, Does.Contain("Someone else saved the settings after you opened this page"));
            Assert.That(page.QuerySelector("input[name=SiteTitle]")!.GetAttribute("value"), Is.EqualTo("Second's title"), "this person's value stays in the form");
            Assert.That(storedNow, Is.EqualTo(new[] { "Clinic name", "Site title" }), "only the fields whose stored value differs");
            Assert.That(page.QuerySelector("#stored-now")!.TextContent, Does.Contain("First's title").And.Contain("First clinic"));
            Assert.That(page.QuerySelector("main form button[type=submit]")!.TextContent, Is.EqualTo("Save mine anyway"));
            Assert.That(page.QuerySelector("input[name=Version]")!.GetAttribute("value"), Is.EqualTo(stored.Version.ToString()), "the form now carries the stored version");
            Assert.That((stored.SiteTitle, stored.ClinicName), Is.EqualTo(("First's title", "First clinic")), "nothing of the first save is lost");
        });

        var again = await PostFormAsync(second, page, []);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        stored = await StoredAsync();
        Assert.That(stored.SiteTitle, Is.EqualTo("Second's title"), "saving from the refused page overwrites deliberately");
        Assert.That(stored.ClinicName, Is.Not.EqualTo("First clinic"), "the form's own clinic name was saved, as it said");
    }

    /// <summary>Posts the settings form as it was on <paramref name="page"/>, which may have been opened long ago.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(ManagerSession session, IHtmlDocument page, Dictionary<string, string> fields)
    {
        var form = (IHtmlFormElement)page.QuerySelector("main form")!;
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 }).Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Select(a => KeyValuePair.Create(a.Name!, a.Value)))
            .Where(v => !fields.ContainsKey(v.Key)).Concat(fields);
        return session.PostPairsAsync("/manager/settings", values);
    }

    private async Task<SiteSettings> StoredAsync()
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Settings.AsNoTracking().SingleAsync();
    }
}
