using System.Net;
using System.Text;
using System.Text.Json;
using Cadence.Cms.Seeding;
using Cadence.Cms.Tests.Manager;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Seeding;

/// <summary>The CMS started over tests/HostileContent: it starts, serves the good posts, and names every bad file to Admins.</summary>
public class HostileImportTests
{
    private static string HostileContent => Path.Combine(RepoPaths.Root, "tests", "HostileContent");

    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:ContentPath"] = HostileContent });

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task The_good_posts_are_served_and_every_page_of_the_api_answers()
    {
        using var api = _cms.Client(_cms.ContentKey);
        using var list = await api.GetAsync("api/v1/posts?limit=100");
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), await list.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var slugs = json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();
        Assert.That(slugs, Does.Contain("deep-nesting").And.Contain("unsafe-links-and-raw-html"));
        Assert.That(slugs, Has.Some.Match("^post-[0-9a-f]{8}$"), "the fallback slug");
        Assert.That(slugs, Has.Some.StartsWith("bil-u-kolini"), "the Kyiv post");
        Assert.That(slugs, Has.Some.StartsWith("xi"), "the Osaka post");
        foreach (var slug in slugs)
        {
            using var post = await api.GetAsync($"api/v1/posts/{slug}");
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK), slug);
        }
        for (var page = 1; page <= 3; page++)
        {
            using var paged = await api.GetAsync($"api/v1/posts?limit=2&page={page}");
            Assert.That(paged.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"page {page}");
        }
    }

    [Test]
    public async Task Each_bad_file_is_reported_once_to_admins()
    {
        var problems = _cms.Services.GetRequiredService<ImportReport>().Problems;
        foreach (var bad in new[] { "bad-yaml.md", "far-future.md", "far-future-utc.md", "traversal-slug.md", "bad-slug.md", "duplicate-slug.md",
                     "no-front-matter.md", "no-title.md", "bad-status.md", "outside.md", "archive.md", "bad-key.yml", "broken.yml" })
            Assert.That(problems.Count(p => p.Contains(bad, StringComparison.Ordinal)), Is.EqualTo(1), bad);

        using var admin = await ManagerSession.SignedInAsync(_cms);
        using var dashboard = await admin.GetAsync("/manager");
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("id=\"import-problems\"").And.Contain("bad-yaml.md").And.Contain("far-future.md"));
    }

    [Test]
    public async Task A_json_form_body_with_a_lone_surrogate_is_a_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_cms.BaseUrl}/forms/ok-form")
        {
            Content = new StringContent("{\"email\":\"\\ud800\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Origin", "https://hostile.example");
        using var response = await new HttpClient().SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
