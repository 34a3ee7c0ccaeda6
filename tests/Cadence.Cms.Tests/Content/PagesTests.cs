using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Tests.Manager;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Content;

/// <summary>
/// Pages (About, Contact, Privacy) are posts of another kind: written in the same editor, served at their own
/// endpoints, never among the posts, in the changes feed and the webhook. Real CMS, real receiver, real HTTP.
/// </summary>
public class PagesTests
{
    private const string Secret = "pages-test-secret-0123456789abcdef";
    private WebhookReceiver _site = null!;
    private CmsServer _cms = null!;
    private ManagerSession _admin = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _site = await WebhookReceiver.StartAsync(Secret);
        _cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Webhooks:Endpoints:0:Url"] = _site.Url,
            ["Cadence:Webhooks:Endpoints:0:Secret"] = Secret,
            ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
            ["Cadence:Webhooks:Debounce"] = "00:00:00",
            ["Cadence:Webhooks:PollInterval"] = "00:00:00.200",
        });
        _admin = await ManagerSession.SignedInAsync(_cms);
        _api = _cms.Client(_cms.ContentKey);
        // Image variants made in the background are content changes: an ETag taken before they land goes stale.
        await _cms.ImageVariantsMadeAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _api.Dispose();
        _admin.Dispose();
        await _cms.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Test]
    public async Task The_starter_pages_are_listed_paged_with_their_addresses()
    {
        var list = await _api.GetFromJsonAsync<JsonElement>("api/v1/pages?limit=2");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items, Has.Count.EqualTo(2));
        Assert.That(items.Select(p => p.GetProperty("path").GetString()), Is.EqualTo(items.Select(p => $"/{p.GetProperty("slug").GetString()}/")));
        Assert.That(list.GetProperty("pagination").GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(3), "the three starter pages, and any a test wrote");
        Assert.That(list.GetProperty("pagination").GetProperty("next").GetInt32(), Is.EqualTo(2));
        Assert.That(items.All(p => p.GetProperty("body").ValueKind == JsonValueKind.Null), "bodies only with include=body");
        Assert.That(items.All(p => !p.TryGetProperty("tags", out _)), "a page has no tags");
    }

    [Test]
    public async Task One_page_comes_with_its_body_forms_and_a_strong_etag()
    {
        using var answer = await _api.GetAsync("api/v1/pages/contact");
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Headers.ETag, Is.Not.Null);
        Assert.That(answer.Headers.ETag!.IsWeak, Is.False);
        var page = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(page.GetProperty("path").GetString(), Is.EqualTo("/contact/"));
        Assert.That(page.GetProperty("forms").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "contact-therapist" }));
        var body = page.GetProperty("body").GetString()!;
        Assert.That(body.IndexOf("999", StringComparison.Ordinal), Is.LessThan(body.IndexOf("::: form contact-therapist", StringComparison.Ordinal)),
            "the emergency notice comes before the form");

        using var again = new HttpRequestMessage(HttpMethod.Get, "api/v1/pages/contact");
        again.Headers.IfNoneMatch.Add(answer.Headers.ETag);
        using var notModified = await _api.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Posts_never_include_pages_and_pages_never_include_posts()
    {
        var posts = await _api.GetFromJsonAsync<JsonElement>("api/v1/posts?limit=100");
        Assert.That(posts.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()), Does.Not.Contain("about").And.Not.Contain("contact"));
        Assert.That(posts.GetProperty("pagination").GetProperty("total").GetInt32(), Is.EqualTo(6));

        using var postAsPage = await _api.GetAsync("api/v1/posts/about");
        Assert.That(postAsPage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(postAsPage.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var pageAsPost = await _api.GetAsync("api/v1/pages/knee-pain-when-running");
        Assert.That(pageAsPost.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var problem = await pageAsPost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("title").GetString(), Does.Contain("The page 'knee-pain-when-running'"));
        using var tagged = await _api.GetAsync("api/v1/pages?tag=knees");
        Assert.That(tagged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_openapi_document_describes_the_page_endpoints()
    {
        using var json = JsonDocument.Parse(await _cms.Client().GetStringAsync("openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        Assert.That(paths.TryGetProperty("/api/v1/pages", out _), "the list");
        Assert.That(paths.TryGetProperty("/api/v1/pages/{slug}", out var one), "one page");
        Assert.That(one.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _), "its 404 is documented");
    }

    [Test]
    public async Task The_changes_feed_names_pages_apart_from_posts()
    {
        var start = await _api.GetFromJsonAsync<JsonElement>("api/v1/changes");
        Assert.That(Strings(start, "changedPages"), Is.SupersetOf(new[] { "about", "contact", "privacy" }));
        Assert.That(Strings(start, "changed"), Does.Not.Contain("about"));

        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            (await db.Posts.SingleAsync(p => p.Slug == "privacy")).Body += "\n\nUpdated.";
            await db.SaveChangesAsync();
        }
        var after = await _api.GetFromJsonAsync<JsonElement>($"api/v1/changes?since={start.GetProperty("cursor").GetString()}");
        Assert.That(Strings(after, "changedPages"), Is.EqualTo(new[] { "privacy" }));
        Assert.That(Strings(after, "changed"), Is.Empty);
    }

    [Test]
    public async Task The_manager_lists_pages_apart_from_posts()
    {
        var pages = await _admin.PageAsync("/manager/pages");
        Assert.That(pages.QuerySelectorAll("table.list tbody th").Select(th => th.TextContent.Trim()),
            Is.SupersetOf(new[] { "About the clinic", "Contact a therapist", "Privacy policy" }));
        Assert.That(pages.QuerySelector("nav a[href='/manager/pages']"), Is.Not.Null, "Pages is in the manager's navigation");
        var posts = await _admin.PageAsync("/manager/posts");
        Assert.That(posts.QuerySelector("main")!.TextContent, Does.Not.Contain("Privacy policy"));
    }

    [Test]
    public async Task A_page_may_not_take_one_of_the_sites_own_addresses()
    {
        var refused = await _admin.SubmitAsync("/manager/pages/new", new() { ["Title"] = "Our posts", ["Slug"] = "posts", ["Body"] = "Hello." }, "Save", "#post-form");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(refused);
        Assert.That(page.QuerySelector("#problems")!.TextContent, Does.Contain("The site uses /posts/ itself"));
        await using var scope = _cms.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.AnyAsync(p => p.Title == "Our posts"), Is.False);
    }

    [Test]
    public async Task A_page_written_in_the_editor_is_a_page_and_its_publish_fires_the_webhook()
    {
        var published = await _admin.SubmitAsync("/manager/pages/new",
            new() { ["Title"] = "Opening hours", ["Body"] = "Monday to Friday, 8 am to 8 pm.", ["Tags"] = "ignored" }, "Publish", "#post-form");
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.Include(p => p.Tags).SingleAsync(p => p.Slug == "opening-hours");
            Assert.That(stored.Kind, Is.EqualTo(PostKind.Page));
            Assert.That(stored.Tags, Is.Empty, "a page keeps no tags");
        }
        var webhook = await _site.NextWithSlugAsync("opening-hours");
        Assert.That(webhook.Events, Does.Contain("page.published"));
        Assert.That(webhook.SignatureValid);

        var editor = await _admin.PageAsync(published.Headers.Location!.ToString());
        Assert.That(editor.QuerySelector("h1")!.TextContent, Is.EqualTo("Edit page"));
        Assert.That(editor.QuerySelector("#Tags"), Is.Null, "no post-only fields");
        Assert.That(editor.QuerySelector(".search-url")!.TextContent, Does.EndWith("/opening-hours/").And.Not.Contain("/posts/"));
        Assert.That(editor.QuerySelector("#view-on-site")!.GetAttribute("href"), Does.EndWith("/opening-hours/").And.Not.Contain("/posts/"));
        var page = await _api.GetFromJsonAsync<JsonElement>("api/v1/pages/opening-hours");
        Assert.That(page.GetProperty("body").GetString(), Is.EqualTo("Monday to Friday, 8 am to 8 pm."));
    }

    [Test]
    public async Task Settings_can_put_a_page_in_the_navigation_by_its_title()
    {
        var settings = await _admin.PageAsync("/manager/settings");
        var choice = settings.QuerySelectorAll("#AddPage option").Single(o => o.TextContent == "Privacy policy");
        var saved = await _admin.SubmitAsync("/manager/settings", new() { ["AddPage"] = choice.GetAttribute("value")! });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());

        var site = await _api.GetFromJsonAsync<JsonElement>("api/v1/site");
        var last = site.GetProperty("navigation").EnumerateArray().Last();
        Assert.That((last.GetProperty("label").GetString(), last.GetProperty("url").GetString()), Is.EqualTo(("Privacy policy", "/privacy/")));
        Assert.That(site.GetProperty("navigation").EnumerateArray().Select(l => l.GetProperty("url").GetString()), Does.Contain("/contact/"),
            "the links typed before stay");
    }

    private static List<string?> Strings(JsonElement json, string name) => json.GetProperty(name).EnumerateArray().Select(s => s.GetString()).ToList();
}
