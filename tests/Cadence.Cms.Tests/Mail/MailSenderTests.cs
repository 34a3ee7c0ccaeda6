using System.Runtime.CompilerServices;
using Cadence.Cms.Mail;
using MimeKit;

namespace Cadence.Cms.Tests.Mail;

/// <summary>
/// The forms cache keeps one sender for many messages; the messages must not live as long as it does (each would be
/// carried through every generation of the garbage collector under a busy form).
/// </summary>
public class MailSenderTests
{
    [Test]
    public void Messages_from_one_kept_sender_are_not_kept_alive_by_it()
    {
        var sender = ClinicSender.Choose(null, "Stride Sports Therapy", "https://stride.example/");
        var messages = Enumerable.Range(0, 20).Select(i => Compose(sender, i)).ToList();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That(messages.Count(m => m.IsAlive), Is.Zero);
        GC.KeepAlive(sender);
    }

    [Test]
    public void Each_message_gets_its_own_address_with_the_senders_values()
    {
        var sender = ClinicSender.Choose("Front Desk <desk@stride.example>", "Stride Sports Therapy", "");
        var (first, second) = (sender.ToMailbox(), sender.ToMailbox());
        Assert.That(first, Is.Not.SameAs(second));
        Assert.That((first.Name, first.Address), Is.EqualTo(("Front Desk", "desk@stride.example")));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Compose(MailSender sender, int i)
    {
        var message = new MimeMessage();
        message.From.Add(sender.ToMailbox());
        message.To.Add(MailboxAddress.Parse($"reader{i}@example.com"));
        message.Subject = "A submission";
        return new WeakReference(message);
    }
}
