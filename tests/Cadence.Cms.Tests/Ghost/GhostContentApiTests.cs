using System.Net;
using System.Text.Json;

namespace Cadence.Cms.Tests.Ghost;

/// <summary>The Ghost Content API over real HTTP: its key, errors, CORS, and filters run by the database.</summary>
public class GhostContentApiTests
{
    private CmsServer _cms = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync();
        _http = _cms.Client();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _cms.DisposeAsync();
    }

    private string Url(string path, string query = "") =>
        $"ghost/api/content/{path}?key={Uri.EscapeDataString(_cms.ContentKey)}{(query.Length > 0 ? "&" + query : "")}";

    private async Task<(HttpResponseMessage Response, JsonDocument Json)> GetAsync(string url)
    {
        var response = await _http.GetAsync(url);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<string[]> SlugsAsync(string filter)
    {
        var (response, json) = await GetAsync(Url("posts/", $"limit=all&filter={Uri.EscapeDataString(filter)}"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), filter);
        return json.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).Order().ToArray();
    }

    [TestCase("tag:knee-pain", new[] { "foot-mobility-for-runners", "hip-strength-for-runners", "knee-pain-when-running", "returning-to-running-after-injury" })]
    [TestCase("tag:-knee-pain", new[] { "shin-splints", "training-load-explained" })]
    [TestCase("author:tom-reddy+published_at:<'2026-01-01'", new[] { "hip-strength-for-runners", "shin-splints" })]
    [TestCase("slug:shin-splints,(tag:feet+published_at:>='2026-01-01')", new[] { "knee-pain-when-running", "shin-splints" })]
    [TestCase("slug:[cadence-and-stride-length,strength-training-for-spring-races,shin-splints]", new[] { "shin-splints" })]
    [TestCase("visibility:paid", new string[0])]
    [TestCase("featured:true", new[] { "knee-pain-when-running" })]
    [TestCase("featured:false+published_at:>2026-06-01", new string[0])]
    public async Task Filters_select_published_posts_only(string filter, string[] expected)
    {
        Assert.That(await SlugsAsync(filter), Is.EqualTo(expected));
    }

    [Test]
    public async Task Drafts_and_scheduled_posts_are_never_listed_nor_read()
    {
        Assert.That(await SlugsAsync("visibility:public"), Has.Length.EqualTo(6).And.No.Member("cadence-and-stride-length").And.No.Member("strength-training-for-spring-races"));
        var (response, _) = await GetAsync(Url("posts/slug/cadence-and-stride-length/"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("filter=colour:red", "filter", "Cadence cannot filter by 'colour'")]
    [TestCase("filter=tag:feet%2B", "filter", "needs a field name")]
    [TestCase("filter=published_at:>soon", "filter", "needs one date")]
    [TestCase("filter=tag:>feet", "filter", "not compared")]
    [TestCase("limit=500", "limit", "1 to 100")]
    [TestCase("page=0", "page", "from 1")]
    [TestCase("order=colour%20asc", "order", "'colour asc'")]
    public async Task Bad_parameters_are_refused_with_a_400_naming_them_in_both_error_shapes(string query, string parameter, string message)
    {
        var (response, json) = await GetAsync(Url("posts/", query));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = json.RootElement;
        Assert.That(problem.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(message));
        var ghostError = problem.GetProperty("errors")[0];
        Assert.That(ghostError.GetProperty("type").GetString(), Is.EqualTo("BadRequestError"));
        Assert.That(ghostError.GetProperty("message").GetString(), Does.Contain(message));
    }

    [TestCase("")]
    [TestCase("?key=not-a-key")]
    public async Task Without_a_valid_content_key_the_answer_is_401(string query)
    {
        var (response, json) = await GetAsync("ghost/api/content/posts/" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(json.RootElement.GetProperty("errors")[0].GetProperty("type").GetString(), Is.EqualTo("UnauthorizedError"));
        Assert.That(json.RootElement.GetProperty("detail").GetString(), Does.Contain("?key="));
    }

    [Test]
    public async Task The_delivery_api_bearer_key_is_not_read_from_the_query_string()
    {
        var response = await _http.GetAsync($"api/v1/posts?key={Uri.EscapeDataString(_cms.ContentKey)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Any_origin_may_read_with_get_but_without_credentials()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "ghost/api/content/posts/");
        preflight.Headers.Add("Origin", "https://front.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "accept-version");
        var answer = await _http.SendAsync(preflight);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(answer.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(answer.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);

        using var get = new HttpRequestMessage(HttpMethod.Get, Url("settings/"));
        get.Headers.Add("Origin", "https://front.example");
        get.Headers.Add("Accept-Version", "v5.0");
        var response = await _http.SendAsync(get);
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(response.Headers.GetValues("Content-Version"), Is.EqualTo(new[] { "v5.0" }));

        using var delivery = new HttpRequestMessage(HttpMethod.Get, "api/v1/site");
        delivery.Headers.Add("Origin", "https://front.example");
        delivery.Headers.Authorization = new("Bearer", _cms.ContentKey);
        Assert.That((await _http.SendAsync(delivery)).Headers.Contains("Access-Control-Allow-Origin"), Is.False, "only the Ghost API is open to other origins");
    }

    [Test]
    public async Task Fields_and_formats_choose_what_each_post_carries()
    {
        var (_, fields) = await GetAsync(Url("posts/", "limit=1&fields=title,url"));
        var post = fields.RootElement.GetProperty("posts")[0];
        Assert.That(post.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "title", "url" }));
        Assert.That(post.GetProperty("url").GetString(), Does.EndWith("/posts/knee-pain-when-running/"));

        var (_, formats) = await GetAsync(Url("posts/slug/knee-pain-when-running/", "formats=plaintext&include=tags"));
        var read = formats.RootElement.GetProperty("posts")[0];
        Assert.That(read.TryGetProperty("html", out _), Is.False);
        Assert.That(read.GetProperty("plaintext").GetString(), Does.StartWith("Ask a group of runners").And.Not.Contain("<"));
        Assert.That(read.GetProperty("primary_tag").GetProperty("slug").GetString(), Is.EqualTo("feet"));
        Assert.That(read.TryGetProperty("authors", out _), Is.False, "authors were not included");
        Assert.That(formats.RootElement.TryGetProperty("meta", out _), Is.False, "one post comes without pagination");
    }

    [Test]
    public async Task Ids_read_back_to_the_same_resource()
    {
        var (_, tag) = await GetAsync(Url("tags/slug/knee-pain/", "include=count.posts"));
        var id = tag.RootElement.GetProperty("tags")[0].GetProperty("id").GetString()!;
        Assert.That(id, Does.Match("^[0-9a-f]{24}$"));
        Assert.That(tag.RootElement.GetProperty("tags")[0].GetProperty("count").GetProperty("posts").GetInt32(), Is.EqualTo(4));

        var (response, byId) = await GetAsync(Url($"tags/{id}/"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(byId.RootElement.GetProperty("tags")[0].GetProperty("slug").GetString(), Is.EqualTo("knee-pain"));

        var (missing, _) = await GetAsync(Url("posts/000000000000000000000000/"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
