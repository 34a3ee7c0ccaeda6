using System.Threading.Channels;
using Cadence.Cms.Mail;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>The body of a 201 answer to script: what to show, and the download link for a lead magnet.</summary>
public sealed record SubmissionAccepted(string Message, string? Download);

/// <summary>
/// <c>POST /forms/{key}</c>: the one door for reader submissions. Script gets JSON (201 or problem+json);
/// a plain form gets a 303 to the site's thank-you page, the CMS's own page carrying a download link, or a small
/// page naming the problem.
/// </summary>
public static class SubmissionEndpoint
{
    public static async Task<IResult> HandleAsync(string key, HttpContext http, FormsCatalog catalog, SubmissionWriter writer,
        SubmissionMails mails, SignedTokens tokens, PublicLinks links, IOptions<FormsOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = http.Request;
        var json = FormCallers.WantsJson(request);
        var snapshot = await catalog.GetAsync(cancellationToken);
        var back = PublicLinks.BackTo(snapshot, request);

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !snapshot.IsAllowedOrigin(origin))
            return Refuse(json, 403, "This form can only be sent from the clinic's website.", back);
        if (!snapshot.Forms.TryGetValue(key, out var form))
            return Refuse(json, 404, $"There is no form called '{key}'.", back);

        List<KeyValuePair<string, string>> posted;
        try { posted = await FormBodyReader.ReadAsync(request, settings.MaxBodyBytes, cancellationToken); }
        catch (FormBodyException e) when (e.Status == 400)
        {
            return Invalid(json, form, new Dictionary<string, string[]> { [e.Field] = [e.Message] }, back);
        }
        catch (FormBodyException e) { return Refuse(json, e.Status, e.Message, back); }

        var validated = SubmissionValidator.Validate(form, posted);
        if (!validated.IsValid) return Invalid(json, form, validated.Errors, back);

        var now = clock.GetUtcNow();
        var spamReason = SpamGuards.Suspect(validated, now, settings);
        var submission = new Submission
        {
            FormKey = form.Key, ReceivedAt = now.UtcDateTime, Fields = validated.Fields, Email = validated.Email,
            Folder = spamReason is null ? SubmissionFolder.Inbox : SubmissionFolder.Spam, SpamReason = spamReason,
            ContentHash = SpamGuards.ContentHash(form.Key, validated.Fields),
            ClientIp = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(request.Headers.UserAgent.ToString(), 300),
        };

        var cmsUrl = links.Cms();
        string? download = null;
        if (form.AssetFileName is not null)
        {
            submission.DownloadKey = DownloadLinks.NewKey();
            download = $"{cmsUrl}/downloads/{tokens.Create(TokenPurposes.Download, DownloadLinks.Payload(form.AssetFileName, submission.DownloadKey), TimeSpan.FromDays(settings.DownloadLinkDays))}";
        }
        var write = spamReason is null
            ? ComposeWrite(form, submission, snapshot, mails, tokens, cmsUrl, download, settings)
            : new SubmissionWrite(submission, null, null, null, TimeSpan.FromMinutes(settings.DuplicateWindowMinutes));

        try { await writer.WriteAsync(write, cancellationToken); }
        catch (ChannelClosedException) { return Refuse(json, 503, "The server is restarting; please send the form again in a moment.", back); }

        // Bots get the same answer as people, so they learn nothing from it.
        if (json) return TypedResults.Json(new SubmissionAccepted(form.SuccessMessage, download), statusCode: StatusCodes.Status201Created);
        // A static thank-you page cannot read a link from its address without script, so a download is answered here,
        // on the clinic's own small page, with the link on it: nothing is redirected and the link keeps expiring.
        if (download is not null)
        {
            http.Response.Headers.CacheControl = "private, no-store"; // the page carries a personal link
            return DownloadReady(form, download, snapshot, back, settings);
        }
        var thanks = PublicLinks.OnSite(snapshot, form.ThankYouPath);
        if (thanks is null) return ReaderPage.Render(200, "Thank you", form.SuccessMessage, backUrl: back, backLabel: "Back to the website", brand: ReaderBrand.Of(snapshot));
        return new SeeOther(thanks.AbsoluteUri);
    }

    private static IResult DownloadReady(FormDefinition form, string download, FormsSnapshot snapshot, string? back, FormsOptions settings)
    {
        var kind = Path.GetExtension(form.AssetFileName)?.TrimStart('.').ToUpperInvariant();
        var label = string.IsNullOrEmpty(kind) ? "Download now" : $"Download now ({kind})";
        var note = $"The link works for {settings.DownloadLinkDays} days. If you gave your email address, we have sent it there too.";
        return ReaderPage.Render(200, "Your download is ready", form.SuccessMessage, backUrl: back, backLabel: "Back to the website",
            brand: ReaderBrand.Of(snapshot), action: new ReaderAction(download, label, note));
    }

    private static SubmissionWrite ComposeWrite(FormDefinition form, Submission submission, FormsSnapshot snapshot, SubmissionMails mails,
        SignedTokens tokens, string cmsUrl, string? download, FormsOptions settings)
    {
        OutboxMail? notification = null, readerMail = null;
        if ((form.NotificationEmail ?? snapshot.NotificationEmail) is { Length: > 0 } notify)
            notification = Row(mails.Notification(form, submission, notify, $"{cmsUrl}{ManagerRoutes.Inbox}?form={Uri.EscapeDataString(form.Key)}"));
        if (download is not null && submission.Email is not null)
            readerMail = Row(mails.Ebook(form, snapshot.ClinicName, submission.Email, submission.Value("name") ?? submission.Value("first_name"), download, settings.DownloadLinkDays));

        NewsletterSignup? signup = null;
        if (form.Key == settings.NewsletterForm && submission.Email is { } email)
        {
            var confirm = $"{cmsUrl}/newsletter/confirm/{tokens.Create(TokenPurposes.Confirm, email, TimeSpan.FromDays(30))}";
            var unsubscribe = $"{cmsUrl}/newsletter/unsubscribe/{tokens.Create(TokenPurposes.Unsubscribe, email)}";
            signup = new NewsletterSignup(email, submission.Value("first_name") ?? submission.Value("name"),
                Row(mails.NewsletterConfirmation(snapshot.ClinicName, email, confirm, unsubscribe)));
        }
        return new SubmissionWrite(submission, notification, readerMail, signup, TimeSpan.FromMinutes(settings.DuplicateWindowMinutes));

        // Written to the outbox as they are (no staging), so they carry the clinic's sender from the snapshot. Made
        // into their rows here, by the request, so the single writer's turn only inserts them.
        OutboxMail Row(MimeKit.MimeMessage message)
        {
            message.From.Add(snapshot.Sender.ToMailbox());
            return MailOutbox.ToRow(message, submission.ReceivedAt);
        }
    }

    private static IResult Invalid(bool json, FormDefinition form, Dictionary<string, string[]> errors, string? back)
    {
        if (json) return TypedResults.ValidationProblem(errors, title: "Some answers need another look.");
        var items = errors.SelectMany(e => e.Value.Select(message =>
        {
            var label = form.Fields.FirstOrDefault(f => f.Name == e.Key)?.Label ?? (e.Key.Length == 0 ? "The form" : e.Key);
            return $"{label}: {message}";
        }));
        return ReaderPage.Render(400, "Some answers need another look", "Nothing was sent yet. Please go back and check:", items, back);
    }

    private static IResult Refuse(bool json, int status, string message, string? back) => json
        ? TypedResults.Problem(statusCode: status, title: message)
        : ReaderPage.Render(status, status == 404 ? "Form not found" : "The form could not be sent", message, backUrl: back);

    private static string? Truncate(string value, int max) => value.Length == 0 ? null : value.Length > max ? value[..max] : value;
}
