using System.Diagnostics;
using System.Text.Json;
using Cadence.Cms.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Ghost;

/// <summary>
/// Ghost's official Content API client (@tryghost/content-api, pinned in tests/ghost-client) reads a real CMS with
/// the starter content over HTTP, with a content key made as an owner makes one; tests/ghost-client/check.js makes
/// every call the client offers and prints what came back.
/// </summary>
public class OfficialGhostClientTests
{
    private static readonly string ClientFolder = Path.Combine(RepoPaths.Root, "tests", "ghost-client");
    private static readonly string[] PublishedPosts =
        ["foot-mobility-for-runners", "hip-strength-for-runners", "knee-pain-when-running", "returning-to-running-after-injury", "shin-splints", "training-load-explained"];

    private CmsServer _cms = null!;
    private JsonElement _calls;

    [OneTimeSetUp]
    public async Task RunTheClient()
    {
        if (!Directory.Exists(Path.Combine(ClientFolder, "node_modules")))
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
        _cms = await CmsServer.StartAsync();
        string key;
        using (var scope = _cms.Services.CreateScope())
            key = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(ApiKeyKind.Content, "Ghost front end");
        var output = await RunAsync("node", ["check.js", _cms.BaseUrl, key]);
        _calls = JsonDocument.Parse(output).RootElement.Clone();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    private JsonElement Call(string name) => _calls.GetProperty(name);

    private static string[] Slugs(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToArray();

    private static JsonElement Pagination(JsonElement list) => list.GetProperty("meta").GetProperty("pagination");

    [Test]
    public void Posts_page_newest_first_and_cover_every_published_post_once()
    {
        var first = Call("posts.browse.page1");
        var second = Call("posts.browse.page2");
        Assert.That(Slugs(first).Concat(Slugs(second)), Is.EquivalentTo(PublishedPosts));
        Assert.That(Slugs(first)[0], Is.EqualTo("knee-pain-when-running"));
        Assert.That(Pagination(first).GetProperty("pages").GetInt32(), Is.EqualTo(2));
        Assert.That(Pagination(first).GetProperty("next").GetInt32(), Is.EqualTo(2));
        Assert.That(Pagination(second).GetProperty("prev").GetInt32(), Is.EqualTo(1));
        Assert.That(Pagination(second).GetProperty("total").GetInt32(), Is.EqualTo(6));

        var newest = first.GetProperty("items")[0];
        Assert.That(newest.GetProperty("primary_author").GetProperty("slug").GetString(), Is.EqualTo("maya-okafor"));
        Assert.That(newest.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Does.Contain("knee-pain"));
        Assert.That(newest.GetProperty("html").GetString(), Does.Contain("<h2 id=\"the-knee-is-a-hinge-not-a-shock-absorber\">"));
        Assert.That(newest.GetProperty("feature_image").GetString(), Is.EqualTo(_cms.BaseUrl + "/media/knee-pain-when-running.png"));
        Assert.That(newest.GetProperty("reading_time").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public void Limit_all_with_fields_and_order_answers_everything_in_one_page()
    {
        var all = Call("posts.browse.all.fields");
        Assert.That(Slugs(all), Is.EqualTo(PublishedPosts), "title asc gives the slugs' order here");
        Assert.That(Pagination(all).GetProperty("limit").GetString(), Is.EqualTo("all"));
        Assert.That(all.GetProperty("items")[0].EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "title", "slug" }));
    }

    [Test]
    public void Filters_are_honoured()
    {
        Assert.That(Slugs(Call("posts.browse.tag")), Is.EquivalentTo(new[] { "foot-mobility-for-runners", "hip-strength-for-runners", "knee-pain-when-running", "returning-to-running-after-injury" }));
        Assert.That(Slugs(Call("posts.browse.tags.and.date")), Is.EqualTo(new[] { "knee-pain-when-running", "foot-mobility-for-runners" }));
        Assert.That(Slugs(Call("posts.browse.or")), Is.EqualTo(new[] { "shin-splints", "foot-mobility-for-runners", "returning-to-running-after-injury", "knee-pain-when-running" }));
        Assert.That(Slugs(Call("posts.browse.featured")), Is.EqualTo(new[] { "knee-pain-when-running" }), "the starter content features one post");
        Assert.That(Slugs(Call("posts.browse.visibility")), Is.EquivalentTo(PublishedPosts));
        Assert.That(Slugs(Call("posts.browse.not.newest")), Is.EquivalentTo(PublishedPosts.Where(s => s != "knee-pain-when-running")));
    }

    [Test]
    public void Plaintext_comes_when_asked_for()
    {
        var posts = Call("posts.browse.plaintext");
        Assert.That(Pagination(posts).GetProperty("total").GetInt32(), Is.EqualTo(3), "Tom Reddy's published posts");
        foreach (var post in posts.GetProperty("items").EnumerateArray())
        {
            Assert.That(post.GetProperty("plaintext").GetString(), Is.Not.Empty.And.Not.Contain("<p>"));
            Assert.That(post.GetProperty("html").GetString(), Does.StartWith("<"));
        }
    }

    [Test]
    public void Posts_are_read_by_id_and_by_slug()
    {
        var byId = Call("posts.read.id");
        var bySlug = Call("posts.read.slug");
        Assert.That(byId.GetProperty("slug").GetString(), Is.EqualTo("knee-pain-when-running"));
        Assert.That(bySlug.GetProperty("id").GetString(), Is.EqualTo(byId.GetProperty("id").GetString()));
        Assert.That(bySlug.GetProperty("title").GetString(), Is.EqualTo("Knee pain when running"));
        Assert.That(bySlug.GetProperty("primary_tag").GetProperty("slug").GetString(), Is.EqualTo("feet"));
        Assert.That(bySlug.GetProperty("url").GetString(), Does.EndWith("/posts/knee-pain-when-running/"));
    }

    [TestCase("posts.read.draft")]
    [TestCase("posts.read.scheduled")]
    public void Drafts_and_scheduled_posts_are_not_found(string call)
    {
        var error = Call(call).GetProperty("error");
        Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo(404));
        Assert.That(error.GetProperty("name").GetString(), Is.EqualTo("NotFoundError"));
    }

    [Test]
    public void Refusals_reach_the_client_as_ghost_errors()
    {
        var bad = Call("posts.browse.bad.filter").GetProperty("error");
        Assert.That(bad.GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(bad.GetProperty("name").GetString(), Is.EqualTo("BadRequestError"));
        Assert.That(bad.GetProperty("message").GetString(), Does.Contain("filter"));

        var stranger = Call("posts.browse.wrong.key").GetProperty("error");
        Assert.That(stranger.GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That(stranger.GetProperty("name").GetString(), Is.EqualTo("UnauthorizedError"));
    }

    [Test]
    public void Pages_are_browsed_and_read()
    {
        Assert.That(Slugs(Call("pages.browse")), Is.EqualTo(new[] { "about", "contact", "privacy" }));
        Assert.That(Call("pages.read.slug").GetProperty("title").GetString(), Is.EqualTo("About the clinic"));
        Assert.That(Call("pages.read.slug").GetProperty("url").GetString(), Does.EndWith("/about/"));
        Assert.That(Call("pages.read.id").GetProperty("slug").GetString(), Is.EqualTo("about"));
    }

    [Test]
    public void Tags_and_authors_are_browsed_and_read_with_counts_of_published_posts()
    {
        var tags = Call("tags.browse");
        Assert.That(Slugs(tags), Does.Contain("knee-pain").And.Contain("beginners").And.Ordered);
        var kneePain = tags.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "knee-pain");
        Assert.That(kneePain.GetProperty("count").GetProperty("posts").GetInt32(), Is.EqualTo(4), "the draft with this tag is not counted");
        Assert.That(Call("tags.read.slug").GetProperty("name").GetString(), Is.EqualTo("Knee pain"));
        Assert.That(Call("tags.read.id").GetProperty("slug").GetString(), Is.EqualTo(Slugs(tags)[0]));

        var authors = Call("authors.browse");
        Assert.That(Slugs(authors), Is.EqualTo(new[] { "maya-okafor", "tom-reddy" }));
        Assert.That(authors.GetProperty("items")[1].GetProperty("count").GetProperty("posts").GetInt32(), Is.EqualTo(3));
        Assert.That(Call("authors.read.slug").GetProperty("name").GetString(), Is.EqualTo("Maya Okafor"));
        Assert.That(Call("authors.read.id").GetProperty("slug").GetString(), Is.EqualTo("maya-okafor"));
    }

    [Test]
    public void Settings_carry_the_site_title_brand_and_menus()
    {
        var settings = Call("settings.browse");
        Assert.That(settings.GetProperty("title").GetString(), Is.EqualTo("Run Tips"));
        Assert.That(settings.GetProperty("accent_color").GetString(), Does.Match("^#[0-9a-f]{6}$"));
        Assert.That(settings.GetProperty("logo").GetString(), Does.StartWith(_cms.BaseUrl + "/media/"));
        Assert.That(settings.GetProperty("navigation").EnumerateArray().Select(n => n.GetProperty("url").GetString()), Does.Contain("/about/"));
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = ClientFolder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)} failed: {await errors}");
        return await output;
    }
}
