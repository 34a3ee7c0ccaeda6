using Cadence.Cms.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>Hands one message to the outside world. Throwing means "try again later".</summary>
public interface IMailTransport
{
    /// <param name="message">The MIME message exactly as queued in the outbox.</param>
    Task SendAsync(long id, byte[] message, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as <c>&lt;id&gt;.eml</c> into a pickup folder, for local use and tests. Named by outbox id, so a
/// message sent again after a crash replaces its earlier copy; written to a temporary name first, so readers never see half a file.
/// The folder and files are private to the CMS's user: they hold live password-reset links.
/// </summary>
public sealed class PickupMailTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public Task SendAsync(long id, byte[] message, CancellationToken cancellationToken)
    {
        PrivateFiles.EnsureFolder(Folder);
        var path = Path.Combine(Folder, $"{id:D10}.eml");
        var temporary = path + ".tmp";
        // The queued bytes are the file: nothing to parse and write again. Written at once: a few kilobytes into the
        // page cache, cheaper than handing them to an asynchronous write.
        using (var file = PrivateFiles.Create(temporary)) file.Write(message);
        File.Move(temporary, path, overwrite: true);
        return Task.CompletedTask;
    }
}

/// <summary>Sends over SMTP with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(long id, byte[] message, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream(message);
        var mime = await MimeMessage.LoadAsync(bytes, cancellationToken);
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
