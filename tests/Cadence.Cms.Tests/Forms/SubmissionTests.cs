using System.Net;
using System.Text;
using Cadence.Cms.Forms;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>The reader's side of a form: the fetch contract, the plain-form contract, and what gets stored and mailed.</summary>
public class SubmissionTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(TestSettings());

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task Fetch_gets_201_with_the_success_message_and_the_submission_and_its_notification_are_stored()
    {
        var email = Unique("fetch");
        using var response = await FetchAsync(_cms, "contact-therapist", Contact(email));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { SiteOrigin }));
        var body = await JsonAsync(response);
        Assert.That(body.GetProperty("message").GetString(), Does.StartWith("Thanks for getting in touch"));
        Assert.That(body.GetProperty("download").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        var stored = (await SubmissionsAsync(_cms, email)).Single();
        Assert.That(stored.Folder, Is.EqualTo(SubmissionFolder.Inbox));
        Assert.That(stored.Value("topic"), Is.EqualTo("Knee pain"));
        Assert.That(stored.Value("consent"), Is.EqualTo("yes"));
        Assert.That(stored.Fields.Select(f => f.Name), Does.Not.Contain("website").And.Not.Contain("_started"));
        Assert.That((await OutboxAsync(_cms, email)).Single().To, Is.EqualTo("clinic@stride-therapy.example"));
    }

    [Test]
    public async Task The_contact_notification_reaches_the_pickup_folder_with_the_reader_as_reply_to()
    {
        var email = Unique("reply");
        using var response = await FetchAsync(_cms, "contact-therapist", Contact(email));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var mail = await PickedUpAsync(_cms.DataPath, m => m.ReplyTo.Mailboxes.Any(r => r.Address == email));
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("clinic@stride-therapy.example"));
        Assert.That(mail.TextBody, Does.Contain("My left knee hurts after 10 km."));
    }

    [Test]
    public async Task A_plain_urlencoded_form_gets_303_to_the_thank_you_page_on_the_site()
    {
        var email = Unique("plain");
        using var response = await PlainPostAsync(_cms, "contact-therapist", UrlEncoded(Contact(email)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(response.Headers.Location?.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5080/thanks/contact-therapist/"));
        Assert.That(await SubmissionsAsync(_cms, email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_multipart_form_is_accepted_too()
    {
        var email = Unique("multipart");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Contact(email))
            if (value is not null) content.Add(new StringContent(value is true ? "true" : value.ToString()!), name);
        using var response = await PlainPostAsync(_cms, "contact-therapist", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That((await SubmissionsAsync(_cms, email)).Single().Value("name"), Is.EqualTo("Ada Runner"));
    }

    [Test]
    public async Task Script_off_without_a_started_time_is_not_taken_for_spam()
    {
        var email = Unique("noscript");
        var fields = Contact(email);
        fields.Remove("_started");
        using var response = await PlainPostAsync(_cms, "contact-therapist", UrlEncoded(fields));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That((await SubmissionsAsync(_cms, email)).Single().Folder, Is.EqualTo(SubmissionFolder.Inbox));
    }

    [Test]
    public async Task A_filled_honeypot_looks_like_success_but_goes_to_spam_without_mail()
    {
        var email = Unique("honeypot");
        var fields = Contact(email);
        fields["website"] = "http://cheap-pills.example";
        using var response = await FetchAsync(_cms, "contact-therapist", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var stored = (await SubmissionsAsync(_cms, email)).Single();
        Assert.That(stored.Folder, Is.EqualTo(SubmissionFolder.Spam));
        Assert.That(stored.SpamReason, Does.Contain("honeypot"));
        Assert.That(await OutboxAsync(_cms, email), Is.Empty);
    }

    [Test]
    public async Task A_submission_faster_than_a_person_could_type_goes_to_spam()
    {
        var email = Unique("fast");
        var fields = Contact(email);
        fields["_started"] = DateTimeOffset.UtcNow.AddMilliseconds(-500).ToUnixTimeMilliseconds().ToString();
        using var response = await FetchAsync(_cms, "contact-therapist", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await SubmissionsAsync(_cms, email)).Single().Folder, Is.EqualTo(SubmissionFolder.Spam));
    }

    [Test]
    public async Task The_same_submission_twice_in_a_short_window_is_stored_once()
    {
        var email = Unique("twice");
        using var first = await FetchAsync(_cms, "contact-therapist", Contact(email, "Twice the same"));
        var again = Contact(email, "  twice   THE same ");
        using var second = await FetchAsync(_cms, "contact-therapist", again);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await SubmissionsAsync(_cms, email), Has.Count.EqualTo(1));
        Assert.That(await OutboxAsync(_cms, email), Has.Count.EqualTo(1));

        using var different = await FetchAsync(_cms, "contact-therapist", Contact(email, "Something else"));
        Assert.That(await SubmissionsAsync(_cms, email), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Markup_in_fields_is_stored_as_given_and_escaped_in_the_notification_html()
    {
        var email = Unique("markup");
        const string script = "<script>alert('x')</script><b>bold</b>";
        using var response = await FetchAsync(_cms, "contact-therapist", Contact(email, script));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That((await SubmissionsAsync(_cms, email)).Single().Value("message"), Is.EqualTo(script));
        var mail = await PickedUpAsync(_cms.DataPath, m => m.ReplyTo.Mailboxes.Any(r => r.Address == email));
        Assert.That(mail.HtmlBody, Does.Not.Contain("<script>").And.Contain("&lt;script&gt;"));
        Assert.That(mail.TextBody, Does.Contain(script));
    }
}
