using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Cadence.Cms.Mail;
using MimeKit;

namespace Cadence.Cms.Forms;

/// <summary>
/// The emails a submission causes. Reader-supplied text goes into plain-text parts as is and into HTML parts
/// encoded, so markup in a field is shown, never run. The submission endpoint adds the clinic's sender.
/// </summary>
public sealed class SubmissionMails
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Tells the clinic; replies go straight to the reader when the form asked for an email address.</summary>
    public MimeMessage Notification(FormDefinition form, Submission submission, string to, string? inboxUrl)
    {
        var text = new StringBuilder($"New submission of \"{form.Title}\" at {submission.ReceivedAt:yyyy-MM-dd HH:mm} UTC.\n\n");
        var html = new StringBuilder($"<p>New submission of <strong>{Html.Encode(form.Title)}</strong> at {submission.ReceivedAt:yyyy-MM-dd HH:mm} UTC.</p>\n<dl>\n");
        foreach (var field in submission.Fields)
        {
            var label = form.Fields.FirstOrDefault(f => f.Name == field.Name)?.Label ?? field.Name;
            text.Append(label).Append(":\n").Append(field.Value).Append("\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<dt>{Html.Encode(label)}</dt><dd style=\"white-space:pre-wrap\">{Html.Encode(field.Value)}</dd>\n");
        }
        html.Append("</dl>\n");
        if (inboxUrl is not null)
        {
            text.Append("Open it in the inbox: ").Append(inboxUrl).Append('\n');
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Html.Encode(inboxUrl)}\">Open it in the inbox</a></p>\n");
        }
        var who = submission.Value("name") ?? submission.Email;
        var mail = new OutgoingMail(to, who is null ? $"New submission: {form.Title}" : $"{form.Title}: {who}", text.ToString(), html.ToString())
        {
            ReplyTo = submission.Email,
        };
        return MailOutbox.ComposeMessage(mail);
    }

    /// <summary>
    /// The download link for whoever typed <paramref name="email"/>. The address is unconfirmed, so nothing the sender
    /// typed goes into the mail (<paramref name="name"/> included): else the form would mail a stranger's words to any
    /// address, from the clinic.
    /// </summary>
    public MimeMessage Ebook(FormDefinition form, string clinicName, string email, string? name, string downloadUrl, int linkDays)
    {
        const string greeting = "Hello,";
        var text = $"{greeting}\n\nThank you for asking for \"{form.Title}\". Download it here (the link works for {linkDays} days):\n\n{downloadUrl}\n\n{clinicName}\n";
        var html = $"<p>{Html.Encode(greeting)}</p><p>Thank you for asking for “{Html.Encode(form.Title)}”. " +
                   $"<a href=\"{Html.Encode(downloadUrl)}\">Download it here</a> (the link works for {linkDays} days).</p><p>{Html.Encode(clinicName)}</p>";
        return MailOutbox.ComposeMessage(new OutgoingMail(email, $"Your download from {clinicName}", text, html));
    }

    /// <summary>The double opt-in email, with one-click unsubscribe headers (RFC 8058) like every newsletter mail.</summary>
    public MimeMessage NewsletterConfirmation(string clinicName, string email, string confirmUrl, string unsubscribeUrl)
    {
        var text = $"Please confirm that you would like {clinicName}'s newsletter by opening this link and pressing the button:\n\n{confirmUrl}\n\n" +
                   "If you did not ask for it, ignore this email and nothing more will be sent.\n";
        var html = $"<p>Please confirm that you would like {Html.Encode(clinicName)}'s newsletter:</p><p><a href=\"{Html.Encode(confirmUrl)}\">Confirm my subscription</a></p>" +
                   "<p>If you did not ask for it, ignore this email and nothing more will be sent.</p>";
        var mail = new OutgoingMail(email, $"Confirm your subscription to {clinicName}", text, html) { Headers = UnsubscribeHeaders(unsubscribeUrl) };
        return MailOutbox.ComposeMessage(mail);
    }

    public static IReadOnlyDictionary<string, string> UnsubscribeHeaders(string unsubscribeUrl) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{unsubscribeUrl}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}
