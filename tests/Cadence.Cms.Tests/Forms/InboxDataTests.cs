using System.Net;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>What the inbox does with stored submissions: folders, CSV, erasure, retention; and mail retries.</summary>
public class InboxDataTests
{
    [Test]
    public async Task Csv_export_neutralises_formula_cells_and_keeps_markup_as_text()
    {
        await using var cms = await CmsServer.StartAsync(TestSettings());
        var email = Unique("csv");
        using var response = await FetchAsync(cms, "contact-therapist", Contact(email, "=HYPERLINK(\"http://evil.example\",\"x\")"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var fields = new FormField[] { new("name", "text", "Name", true, 80, []), new("message", "textarea", "Message", true, 2000, []) };
        var submissions = (await SubmissionsAsync(cms, email)).ToAsyncEnumerable();

        var csv = new StringWriter();
        await SubmissionCsv.WriteAsync(csv, fields, submissions);
        var row = csv.ToString().Split(Environment.NewLine)[1];
        Assert.That(row, Does.EndWith(",Ada Runner,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
        Assert.That(SubmissionCsv.Cell("+1 555"), Is.EqualTo("'+1 555"));
        Assert.That(SubmissionCsv.Cell("-2"), Is.EqualTo("'-2"));
        Assert.That(SubmissionCsv.Cell("@SUM(A1)"), Is.EqualTo("'@SUM(A1)"));
        Assert.That(SubmissionCsv.Cell("\tx"), Is.EqualTo("'\tx"));
        Assert.That(SubmissionCsv.Cell("<script>"), Is.EqualTo("<script>"));
    }

    [Test]
    public async Task Spam_moves_back_to_the_inbox_and_read_state_toggles()
    {
        await using var cms = await CmsServer.StartAsync(TestSettings());
        var email = Unique("move");
        var fields = Contact(email);
        fields["website"] = "bot";
        (await FetchAsync(cms, "contact-therapist", fields)).Dispose();
        var id = (await SubmissionsAsync(cms, email)).Single().Id;

        await using var scope = cms.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        Assert.That((await inbox.ListAsync(new InboxFilter(Folder: SubmissionFolder.Spam, Email: email))).Total, Is.EqualTo(1));
        Assert.That(await inbox.MoveAsync(id, SubmissionFolder.Inbox), Is.True);
        Assert.That(await inbox.SetReadAsync(id, true), Is.True);

        var page = await inbox.ListAsync(new InboxFilter(Form: "contact-therapist", Read: true, Email: email));
        Assert.That(page.Items.Single().SpamReason, Is.Null);
        Assert.That((await inbox.ListAsync(new InboxFilter(Folder: SubmissionFolder.Spam, Email: email))).Total, Is.Zero);
    }

    [Test]
    public async Task Erasing_an_address_removes_its_submissions_subscription_and_mails()
    {
        await using var cms = await CmsServer.StartAsync(TestSettings());
        var email = Unique("erase");
        var other = Unique("keep");
        (await FetchAsync(cms, "contact-therapist", Contact(email))).Dispose();
        (await FetchAsync(cms, "contact-therapist", Contact(other, $"My partner {email.ToUpperInvariant()} runs too"))).Dispose();
        (await FetchAsync(cms, "newsletter", new Dictionary<string, object?> { ["email"] = email, ["consent"] = "true" })).Dispose();
        (await FetchAsync(cms, "newsletter", new Dictionary<string, object?> { ["email"] = other, ["consent"] = "true" })).Dispose();

        await using var scope = cms.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PersonalDataEraser>().EraseAsync(email.ToUpperInvariant());

        Assert.That(report, Is.EqualTo(new ErasureReport(3, 1, 3)));
        Assert.That(await SubmissionsAsync(cms, email), Is.Empty);
        Assert.That(await OutboxAsync(cms, email), Is.Empty);
        Assert.That(await SubmissionsAsync(cms, other), Has.Count.EqualTo(1), "the other person's newsletter sign-up stays");
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        Assert.That(await db.Subscribers.AnyAsync(s => s.Email == email), Is.False);
        Assert.That(await db.Subscribers.AnyAsync(s => s.Email == other), Is.True);
    }

    [Test]
    public async Task Retention_purges_submissions_older_than_the_configured_days_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cms = await CmsServer.StartAsync(TestSettings(("Cadence:Forms:RetentionDays", "30")),
            services => services.AddSingleton<TimeProvider>(clock));
        var old = Unique("old");
        (await FetchAsync(cms, "contact-therapist", Contact(old))).Dispose();
        clock.Advance(TimeSpan.FromDays(29));
        var recent = Unique("recent");
        (await FetchAsync(cms, "contact-therapist", Contact(recent))).Dispose();

        Assert.That(await SubmissionsAsync(cms, old), Has.Count.EqualTo(1), "29 days old: still kept");

        // Advancing the clock also wakes the hosted service's own timer, which may purge first;
        // either way the old submission must be gone and the recent one kept.
        clock.Advance(TimeSpan.FromDays(2));
        await using var scope = cms.Services.CreateAsyncScope();
        var retention = cms.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SubmissionRetention>().Single();
        var (submissions, _) = await retention.PurgeAsync(scope.ServiceProvider.GetRequiredService<CadenceDb>());

        Assert.That(submissions, Is.InRange(0, 1));
        Assert.That(await SubmissionsAsync(cms, old), Is.Empty);
        Assert.That(await SubmissionsAsync(cms, recent), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_failing_smtp_server_leaves_the_mail_queued_with_attempts_error_and_a_later_attempt()
    {
        var closedPort = CmsProcess.FreePort();
        await using var cms = await CmsServer.StartAsync(TestSettings(
            ("Cadence:Mail:Transport", "Smtp"), ("Cadence:Mail:Smtp:Host", "127.0.0.1"), ("Cadence:Mail:Smtp:Port", closedPort.ToString()),
            ("Cadence:Mail:Smtp:UseTls", "false"), ("Cadence:Mail:FirstBackoff", "00:01:00")));
        var email = Unique("smtp");
        (await FetchAsync(cms, "contact-therapist", Contact(email))).Dispose();

        OutboxMail mail;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(100);
            mail = (await OutboxAsync(cms, email)).Single();
        } while (mail.Attempts == 0 && DateTime.UtcNow < deadline);

        Assert.That(mail.Attempts, Is.EqualTo(1));
        Assert.That(mail.SentAt, Is.Null);
        Assert.That(mail.LastError, Is.Not.Empty);
        Assert.That(mail.NextAttemptAt, Is.GreaterThan(mail.QueuedAt.AddSeconds(50)));
        Assert.That(mail.State, Is.EqualTo(OutboxMailState.Pending));
    }
}
