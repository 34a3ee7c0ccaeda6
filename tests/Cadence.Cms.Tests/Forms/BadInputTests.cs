using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>What the form endpoint refuses, and how it says so to script and to a plain form.</summary>
public class BadInputTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(TestSettings());

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task Missing_and_invalid_fields_are_400_problem_json_with_an_error_per_field()
    {
        var fields = Contact("not-an-email");
        fields.Remove("message");
        fields["topic"] = "Broken leg";
        fields["name"] = new string('a', 81);
        using var response = await FetchAsync(_cms, "contact-therapist", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "email", "message", "topic", "name" }));
        Assert.That(errors.GetProperty("email")[0].GetString(), Does.Contain("email address"));
    }

    [Test]
    public async Task An_unknown_field_is_refused()
    {
        var email = Unique("unknown");
        var fields = Contact(email);
        fields["is_admin"] = "true";
        using var response = await FetchAsync(_cms, "contact-therapist", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await JsonAsync(response)).GetProperty("errors").TryGetProperty("is_admin", out _), Is.True);
        Assert.That(await SubmissionsAsync(_cms, email), Is.Empty);
    }

    [Test]
    public async Task A_plain_form_with_a_problem_gets_a_readable_page_linking_back_to_the_form()
    {
        var fields = Contact("nobody");
        using var response = await PlainPostAsync(_cms, "contact-therapist", UrlEncoded(fields), referer: SiteOrigin + "/posts/knee-pain-when-running/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("Email address: Please enter an email address"));
        Assert.That(page, Does.Contain("href=\"http://127.0.0.1:5080/posts/knee-pain-when-running/\""));
    }

    [Test]
    public async Task The_back_link_never_points_to_a_foreign_referer()
    {
        using var response = await PlainPostAsync(_cms, "contact-therapist", UrlEncoded(Contact("nobody")), origin: null, referer: "https://evil.example/phish");
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Not.Contain("evil.example"));
        Assert.That(page, Does.Contain("href=\"http://127.0.0.1:5080/\""));
    }

    [Test]
    public async Task A_body_over_the_cap_is_413()
    {
        var fields = Contact(Unique("big"), new string('x', 70 * 1024));
        using var json = await FetchAsync(_cms, "contact-therapist", fields);
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(json.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));

        using var plain = await PlainPostAsync(_cms, "contact-therapist", UrlEncoded(fields));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await plain.Content.ReadAsStringAsync(), Does.Contain("larger than 64 KB"));
    }

    [TestCase("application/x-www-form-urlencoded", "name=Ada&email=ada%40runner.test&message=caf%FF")]
    [TestCase("application/json", null)]
    public async Task Invalid_utf8_is_refused(string contentType, string? urlEncoded)
    {
        var bytes = urlEncoded is not null ? Encoding.ASCII.GetBytes(urlEncoded)
            : [.. Encoding.UTF8.GetBytes("{\"name\":\"caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\",\"email\":\"ada@runner.test\"}")];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_cms.BaseUrl}/forms/contact-therapist") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await NoRedirects().SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task A_foreign_origin_is_403_and_nothing_is_stored()
    {
        var email = Unique("foreign");
        using var response = await FetchAsync(_cms, "contact-therapist", Contact(email), origin: "https://evil.example");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        Assert.That(await SubmissionsAsync(_cms, email), Is.Empty);
    }

    [TestCase(SiteOrigin, true)]
    [TestCase("https://evil.example", false)]
    public async Task The_cors_preflight_allows_only_the_sites_origins(string origin, bool allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"{_cms.BaseUrl}/forms/newsletter");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,accept");
        using var response = await NoRedirects().SendAsync(request);

        Assert.That(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null,
            allowed ? Is.EqualTo(origin) : Is.Null);
    }

    [Test]
    public async Task Unknown_form_is_404_wrong_method_405_wrong_content_type_415()
    {
        using var unknown = await FetchAsync(_cms, "no-such-form", Contact("a@b.test"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        using var client = NoRedirects();
        using var get = await client.GetAsync($"{_cms.BaseUrl}/forms/contact-therapist");
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));

        using var text = await client.PostAsync($"{_cms.BaseUrl}/forms/contact-therapist", new StringContent("email=a@b.test", Encoding.UTF8, "text/plain"));
        Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task A_file_upload_is_refused()
    {
        var content = new MultipartFormDataContent { { new StringContent("Ada"), "name" }, { new ByteArrayContent([1, 2, 3]), "message", "x.exe" } };
        using var response = await PlainPostAsync(_cms, "contact-therapist", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Files cannot be sent"));
    }
}
