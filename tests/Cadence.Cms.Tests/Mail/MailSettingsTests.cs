using System.Net;
using Cadence.Cms.Data;
using Cadence.Cms.Mail;
using Cadence.Cms.Tests.Manager;
using Cadence.Cms.UI;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Mail;

/// <summary>The mail settings page says where mail goes and sends a test email from the clinic, not from the product.</summary>
public class MailSettingsTests
{
    [Test]
    public async Task The_page_names_the_pickup_folder_and_a_test_email_lands_there_from_the_clinic()
    {
        await using var cms = await CmsServer.StartAsync();
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            await db.Settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, "https://stride-therapy.example"));
        }
        using var owner = await ManagerSession.SignedInAsync(cms);

        var page = await owner.PageAsync(ManagerRoutes.MailSettings);
        Assert.That(page.QuerySelector("#mail-route")!.TextContent, Does.Contain(Path.Combine(cms.DataPath, "mail-pickup")));
        Assert.That(page.QuerySelector("#mail-sender")!.TextContent, Does.Contain("Stride Sports Therapy <no-reply@stride-therapy.example>"));
        var outbox = await owner.PageAsync(ManagerRoutes.Mail);
        Assert.That(outbox.QuerySelector($"main a[href='{ManagerRoutes.MailSettings}']"), Is.Not.Null, "reached from the outgoing-mail page");

        var sent = await owner.SubmitAsync(ManagerRoutes.MailSettings, new()); // the form posts to its Test handler
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var notice = await owner.PageAsync(ManagerRoutes.MailSettings);
        Assert.That(notice.QuerySelector(".notice")!.TextContent, Does.Contain(Path.Combine(cms.DataPath, "mail-pickup")));

        var mail = await PickedUpAsync(cms.DataPath, m => m.Subject == "Test email from Stride Sports Therapy");
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(CmsServer.AdminEmail));
        var from = mail.From.Mailboxes.Single();
        Assert.That((from.Name, from.Address), Is.EqualTo(("Stride Sports Therapy", "no-reply@stride-therapy.example")));
    }

    [TestCase(null, "Stride Sports Therapy", "https://stride.example/", "Stride Sports Therapy", "no-reply@stride.example")]
    [TestCase(null, "Stride Sports Therapy", "http://127.0.0.1:5080", "Stride Sports Therapy", ClinicSender.FallbackAddress)]
    [TestCase("hello@stride.example", "Stride Sports Therapy", "https://stride.example/", "Stride Sports Therapy", "hello@stride.example")]
    [TestCase("Front Desk <desk@stride.example>", "Stride Sports Therapy", "", "Front Desk", "desk@stride.example")]
    [TestCase(null, "", "", "Cadence", ClinicSender.FallbackAddress)]
    public void The_sender_is_the_clinics_name_at_the_configured_or_site_address(string? configured, string clinic, string site, string name, string address)
    {
        var sender = ClinicSender.Choose(configured, clinic, site);
        Assert.That((sender.Name, sender.Address), Is.EqualTo((name, address)));
    }
}
