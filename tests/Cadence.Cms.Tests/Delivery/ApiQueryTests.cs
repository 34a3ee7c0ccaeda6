using System.Net;
using System.Text.Json;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>Paging, filters, ETags and errors of the delivery API.</summary>
public class ApiQueryTests
{
    private CmsServer _cms = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync();
        _api = _cms.Client(_cms.ContentKey);
        // Image variants made in the background are content changes: an ETag taken before they land goes stale.
        await _cms.ImageVariantsMadeAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _api.Dispose();
        await _cms.DisposeAsync();
    }

    [Test]
    public async Task Pages_follow_each_other_and_cover_every_published_post_once()
    {
        var seen = new List<string>();
        int? page = 1;
        var pages = 0;
        while (page is not null)
        {
            using var json = await Get($"api/v1/posts?limit=4&page={page}");
            var pagination = json.RootElement.GetProperty("pagination");
            Assert.That(pagination.GetProperty("total").GetInt32(), Is.EqualTo(6));
            Assert.That(pagination.GetProperty("pages").GetInt32(), Is.EqualTo(2));
            seen.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!));
            page = pagination.GetProperty("next").ValueKind == JsonValueKind.Null ? null : pagination.GetProperty("next").GetInt32();
            pages++;
        }
        Assert.That(pages, Is.EqualTo(2));
        Assert.That(seen, Is.Unique.And.Count.EqualTo(6));
        Assert.That(seen[0], Is.EqualTo("knee-pain-when-running"), "newest first");
    }

    [Test]
    public async Task A_page_past_the_end_is_empty_and_points_back()
    {
        using var json = await Get("api/v1/posts?page=9");
        Assert.That(json.RootElement.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(json.RootElement.GetProperty("pagination").GetProperty("prev").GetInt32(), Is.EqualTo(1));
    }

    [TestCase("limit=1000", "limit")]
    [TestCase("limit=0", "limit")]
    [TestCase("page=-1", "page")]
    [TestCase("page=abc", "page")]
    [TestCase("order=random", "order")]
    [TestCase("tag=no-such-tag", "tag")]
    [TestCase("category=no-such-category", "category")]
    [TestCase("author=nobody", "author")]
    [TestCase("include=everything", "include")]
    public async Task Bad_parameters_are_400_problem_json_naming_the_parameter(string query, string parameter)
    {
        using var response = await _api.GetAsync("api/v1/posts?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), Is.True);
    }

    [Test]
    public async Task A_malformed_cursor_is_400()
    {
        using var response = await _api.GetAsync("api/v1/changes?since=yesterday");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("since"));
    }

    [Test]
    public async Task Filters_by_tag_category_and_author()
    {
        using var tagged = await Get("api/v1/posts?tag=knee-pain&limit=100");
        foreach (var post in tagged.RootElement.GetProperty("items").EnumerateArray())
            Assert.That(post.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Does.Contain("knee-pain"));
        Assert.That(tagged.RootElement.GetProperty("pagination").GetProperty("total").GetInt32(), Is.InRange(1, 5));

        using var category = await Get("api/v1/posts?category=injuries&limit=100");
        foreach (var post in category.RootElement.GetProperty("items").EnumerateArray())
            Assert.That(post.GetProperty("category").GetProperty("slug").GetString(), Is.EqualTo("injuries"));

        using var authored = await Get("api/v1/posts?author=maya-okafor&limit=100");
        foreach (var post in authored.RootElement.GetProperty("items").EnumerateArray())
            Assert.That(post.GetProperty("author").GetProperty("slug").GetString(), Is.EqualTo("maya-okafor"));
    }

    [Test]
    public async Task A_post_carries_body_image_size_seo_reading_time_and_its_forms()
    {
        using var json = await Get("api/v1/posts/knee-pain-when-running");
        var post = json.RootElement;
        Assert.That(post.GetProperty("body").GetString(), Does.Contain("::: form knee-pain-ebook"));
        Assert.That(post.GetProperty("image").GetProperty("width").GetInt32(), Is.EqualTo(1200));
        Assert.That(post.GetProperty("image").GetProperty("height").GetInt32(), Is.EqualTo(630));
        Assert.That(post.GetProperty("readingMinutes").GetInt32(), Is.GreaterThanOrEqualTo(2));
        Assert.That(post.GetProperty("seo").GetProperty("description").GetString(), Is.Not.Empty);
        Assert.That(post.GetProperty("forms").EnumerateArray().Select(f => f.GetString()),
            Is.EqualTo(new[] { "knee-pain-ebook", "contact-therapist" }));
    }

    [Test]
    public async Task Lists_leave_out_bodies_unless_asked()
    {
        using var plain = await Get("api/v1/posts?limit=1");
        Assert.That(plain.RootElement.GetProperty("items")[0].GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.Null));
        using var full = await Get("api/v1/posts?limit=1&include=body");
        Assert.That(full.RootElement.GetProperty("items")[0].GetProperty("body").GetString(), Is.Not.Empty);
    }

    [TestCase("api/v1/site")]
    [TestCase("api/v1/posts")]
    [TestCase("api/v1/posts/knee-pain-when-running")]
    [TestCase("api/v1/tags")]
    [TestCase("api/v1/categories")]
    [TestCase("api/v1/authors")]
    [TestCase("api/v1/forms")]
    [TestCase("api/v1/redirects")]
    [TestCase("api/v1/changes")]
    public async Task Every_get_has_a_strong_etag_that_answers_304(string url)
    {
        using var first = await _api.GetAsync(url);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var etag = first.Headers.ETag;
        Assert.That(etag, Is.Not.Null);
        Assert.That(etag!.IsWeak, Is.False);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await _api.SendAsync(request);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));
        using var third = await _api.SendAsync(stale);
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Site_tags_authors_and_forms_come_from_the_starter_content()
    {
        using var site = await Get("api/v1/site");
        Assert.That(site.RootElement.GetProperty("clinicName").GetString(), Is.EqualTo("Stride Sports Therapy"));
        Assert.That(site.RootElement.GetProperty("cmsUrl").GetString(), Is.EqualTo(_cms.BaseUrl));

        using var forms = await Get("api/v1/forms");
        var ebook = forms.RootElement.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "knee-pain-ebook");
        Assert.That(ebook.GetProperty("hasAsset").GetBoolean(), Is.True);
        Assert.That(ebook.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()), Does.Contain("email"));

        using var tags = await Get("api/v1/tags");
        var knee = tags.RootElement.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "knee-pain");
        Assert.That(knee.GetProperty("postCount").GetInt32(), Is.GreaterThan(0));
    }

    private async Task<JsonDocument> Get(string url)
    {
        using var response = await _api.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
