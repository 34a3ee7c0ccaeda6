using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>Who sees what: keys, drafts and previews, over real HTTP.</summary>
public class ApiAccessTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [TestCase(null)]
    [TestCase("not-a-real-key-0000000000000000")]
    public async Task No_key_or_a_wrong_key_is_401_problem_json(string? key)
    {
        using var response = await _cms.Client(key).GetAsync("api/v1/posts");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(401));
    }

    [Test]
    public async Task A_basic_scheme_is_not_accepted()
    {
        using var client = _cms.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", _cms.ContentKey);
        using var response = await client.GetAsync("api/v1/site");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_content_key_sees_only_published_posts()
    {
        var slugs = await Slugs(_cms.Client(_cms.ContentKey), "api/v1/posts?limit=100");
        Assert.That(slugs, Does.Contain("knee-pain-when-running"));
        Assert.That(slugs, Does.Not.Contain("cadence-and-stride-length"), "a draft");
        Assert.That(slugs, Does.Not.Contain("strength-training-for-spring-races"), "a scheduled post");

        using var draft = await _cms.Client(_cms.ContentKey).GetAsync("api/v1/posts/cadence-and-stride-length");
        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(draft.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task The_content_key_cannot_ask_for_drafts()
    {
        using var response = await _cms.Client(_cms.ContentKey).GetAsync("api/v1/posts?status=draft");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"status\""));
    }

    [Test]
    public async Task The_preview_key_sees_drafts_and_scheduled_posts()
    {
        using var preview = _cms.Client(_cms.PreviewKey);
        var all = await Slugs(preview, "api/v1/posts?status=all&limit=100");
        Assert.That(all, Does.Contain("cadence-and-stride-length").And.Contain("strength-training-for-spring-races"));
        Assert.That(await Slugs(preview, "api/v1/posts?status=draft"), Is.EqualTo(new[] { "cadence-and-stride-length" }));

        using var draft = await preview.GetAsync("api/v1/posts/cadence-and-stride-length");
        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await draft.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("draft"));
    }

    [Test]
    public async Task Media_is_public_with_an_etag_and_private_assets_are_not_served()
    {
        using var client = _cms.Client();
        using var image = await client.GetAsync("media/knee-pain-when-running.png");
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(image.Headers.ETag, Is.Not.Null);

        using var again = new HttpRequestMessage(HttpMethod.Get, "media/knee-pain-when-running.png");
        again.Headers.IfNoneMatch.Add(image.Headers.ETag!);
        using var cached = await client.SendAsync(again);
        Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var ebook = await client.GetAsync("media/knee-pain-ebook.pdf");
        Assert.That(ebook.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the ebook is delivered only by signed link");
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_delivery_api()
    {
        using var json = JsonDocument.Parse(await _cms.Client().GetStringAsync("openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        Assert.That(paths.TryGetProperty("/api/v1/posts", out _), Is.True);
        Assert.That(paths.TryGetProperty("/api/v1/changes", out _), Is.True);
        using var reference = await _cms.Client().GetAsync("api/reference/");
        Assert.That(reference.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await reference.Content.ReadAsStringAsync(), Does.Contain("openapi/v1.json"));
    }

    private static async Task<List<string>> Slugs(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();
    }
}
