using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>
/// Writes each message as an .eml file into <c>&lt;DataPath&gt;/mail-pickup/</c>, where a relay (or a person) collects it.
/// The stand-in until a delivering outbox is registered as <see cref="IOutgoingMail"/>.
/// </summary>
public sealed class PickupFolderMail(IConfiguration configuration, TimeProvider clock) : IOutgoingMail
{
    public async Task QueueAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(CmsApp.DataFolder(configuration), "mail-pickup");
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name)); // a reader never sees half a message
    }
}
