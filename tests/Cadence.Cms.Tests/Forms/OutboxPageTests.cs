using System.Net;
using Cadence.Cms.Tests.Manager;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>The manager's outgoing-mail page with a mail server that refuses connections.</summary>
public class OutboxPageTests
{
    [Test]
    public async Task Failing_mail_shows_on_the_dashboard_and_in_the_outbox_and_retry_now_tries_again_at_once()
    {
        var closedPort = CmsProcess.FreePort();
        await using var cms = await CmsServer.StartAsync(TestSettings(
            ("Cadence:Mail:Transport", "Smtp"), ("Cadence:Mail:Smtp:Host", "127.0.0.1"), ("Cadence:Mail:Smtp:Port", closedPort.ToString()),
            ("Cadence:Mail:Smtp:UseTls", "false"), ("Cadence:Mail:FirstBackoff", "01:00:00"), ("Cadence:Mail:MaxBackoff", "06:00:00")));
        using var admin = await ManagerSession.SignedInAsync(cms);
        var email = Unique("outbox");
        (await FetchAsync(cms, "contact-therapist", Contact(email))).Dispose();
        await WaitForAttemptsAsync(cms, email, 1);

        var dashboard = await admin.PageAsync("/manager");
        Assert.That(dashboard.QuerySelector("#mail-failing")?.TextContent, Does.Contain("1 waiting to retry"));

        var outbox = await admin.PageAsync("/manager/mail?state=Pending");
        var row = outbox.QuerySelectorAll("#outbox tbody tr").Single(r => r.TextContent.Contains("Ada Runner"));
        Assert.That(row.TextContent, Does.Contain("clinic@stride-therapy.example").And.Contain("Retrying"));
        Assert.That(row.QuerySelector(".error-text")!.TextContent, Is.Not.Empty, "the SMTP error is shown");
        Assert.That(outbox.QuerySelector("#mail-health")!.TextContent, Does.Contain("1 waiting to be retried"));

        var retry = row.QuerySelector("form")!.GetAttribute("action")!;
        var token = row.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var response = await admin.PostRawAsync(retry, new() { ["__RequestVerificationToken"] = token }))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await WaitForAttemptsAsync(cms, email, 2);
        var mail = (await OutboxAsync(cms, email)).Single();
        Assert.That(mail.NextAttemptAt, Is.GreaterThan(DateTime.UtcNow.AddMinutes(90)), "the second failure waits twice the first backoff");
    }

    private static async Task WaitForAttemptsAsync(CmsServer cms, string email, int attempts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var mails = await OutboxAsync(cms, email);
            if (mails.Count == 1 && mails[0].Attempts >= attempts) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The notification was not tried {attempts} times within 20 s.");
    }
}
