using Cadence.Cms.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Instances;

/// <summary>Two instances' mail senders on one database, each writing to its own pickup folder.</summary>
public class MailClaimTests
{
    [Test]
    public async Task Each_queued_mail_is_sent_by_exactly_one_of_two_racing_instances()
    {
        await using var cms = await TwoInstances.StartAsync(new Dictionary<string, string?> { ["Cadence:Mail:PollInterval"] = "00:00:00.050" });
        const int count = 300;
        for (var i = 0; i < count; i++)
        {
            await cms[i].InScope<OutboxMail, IMailOutbox>(outbox => outbox.QueueAsync(new OutgoingMail($"runner{i}@example.test", $"Your plan {i}", "Warm up first.")));
            if (i % 25 == 0) await Task.WhenAll(Task.Run(() => Deliver(cms.A)), Task.Run(() => Deliver(cms.B)));
        }
        await InstanceWork.Until(async () => await cms.A.Read(db => db.MailOutbox.CountAsync(m => m.SentAt == null)) == 0, "every mail is sent");

        var fromA = Sent(cms.A);
        var fromB = Sent(cms.B);
        Assert.That(fromA.Count + fromB.Count, Is.EqualTo(count), "one file per queued mail");
        Assert.That(fromA.Intersect(fromB), Is.Empty, "no mail sent by both");
        Assert.That(fromA, Is.Not.Empty, "both instances took part");
        Assert.That(fromB, Is.Not.Empty, "both instances took part");
        var rows = await cms.B.Read(db => db.MailOutbox.AsNoTracking().Select(m => new { m.Attempts, m.NextAttemptAt }).ToListAsync());
        Assert.That(rows.All(r => r.Attempts == 1 && r.NextAttemptAt == null), Is.True);
    }

    private static Task<int> Deliver(CmsServer cms) => cms.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None);

    private static List<string> Sent(CmsServer cms)
    {
        var folder = Path.Combine(cms.DataPath, "mail-pickup");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(Path.GetFileName).OfType<string>().ToList() : [];
    }
}
