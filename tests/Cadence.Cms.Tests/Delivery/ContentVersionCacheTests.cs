using System.Net;
using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>
/// The read APIs' cache, over real HTTP and SQLite: answers are reused until the content version rises,
/// and the SQL each request sends is the evidence of what was read.
/// </summary>
public class ContentVersionCacheTests
{
    private const string Slug = "knee-pain-when-running";
    private readonly CommandLog _log = new();
    private CmsServer _cms = null!;
    private HttpClient _api = null!;

    [SetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync(services: s => s.AddSingleton<IInterceptor>(_log));
        // The background pass adds image variants to the answers (a new content version): done before the reads compare.
        await _cms.ImageVariantsMadeAsync();
        _api = _cms.Client(_cms.ContentKey);
    }

    [TearDown]
    public async Task Stop()
    {
        _api.Dispose();
        await _cms.DisposeAsync();
    }

    [Test]
    public async Task A_repeated_read_is_answered_from_the_cache_without_a_query_through_the_context()
    {
        var first = await _api.GetStringAsync("api/v1/posts?limit=10");
        _log.Clear();
        var second = await _api.GetStringAsync("api/v1/posts?limit=10");
        Assert.That(second, Is.EqualTo(first));
        Assert.That(_log.Commands, Is.Empty, string.Join("\n", _log.Commands));
    }

    [Test]
    public async Task A_commit_from_another_connection_is_seen_by_the_very_next_request_every_time()
    {
        for (var round = 1; round <= 10; round++)
        {
            Assert.That(await TitleOf(Slug), Does.Not.EndWith($"({round})"), "cached before the edit");
            // The cache is keyed by the changes feed alone: an edit that writes no feed row stays hidden...
            await RawCommit($"""UPDATE "Posts" SET "Title" = 'Knee pain ({round})' WHERE "Slug" = '{Slug}';""");
            Assert.That(await TitleOf(Slug), Does.Not.EndWith($"({round})"), $"round {round}: served from the cache");
            // ...and the commit of one, from a connection the CMS knows nothing of, shows it on the very next request.
            await RawCommit($"""INSERT INTO "ContentChanges" ("Slug", "At") VALUES ('{Slug}', '2026-01-01 00:00:00');""");
            Assert.That(await TitleOf(Slug), Is.EqualTo($"Knee pain ({round})"), $"round {round}: after the feed row");
            Assert.That(await ListedTitles(), Does.Contain($"Knee pain ({round})"), $"round {round}: the list");
        }
    }

    [Test]
    public async Task A_304_is_answered_without_the_content_query()
    {
        using var first = await _api.GetAsync($"api/v1/posts/{Slug}");
        var etag = first.Headers.ETag!;
        _log.Clear();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/posts/{Slug}");
        request.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _api.SendAsync(request);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(_log.Commands.Where(c => c.Contains("\"Posts\"", StringComparison.Ordinal)), Is.Empty, string.Join("\n", _log.Commands));
    }

    [Test]
    public async Task A_publish_or_an_edit_is_seen_by_the_very_next_request_every_time()
    {
        for (var round = 1; round <= 15; round++)
        {
            Assert.That(await TitleOf(Slug), Does.Not.EndWith($"({round})"), "cached before the edit");
            await Edit(async db => (await db.Posts.SingleAsync(p => p.Slug == Slug)).Title = $"Knee pain ({round})");
            Assert.That(await TitleOf(Slug), Is.EqualTo($"Knee pain ({round})"));
            Assert.That(await ListedTitles(), Does.Contain($"Knee pain ({round})"));
        }
    }

    [Test]
    public async Task Publishing_and_unpublishing_are_seen_by_the_very_next_request_every_time()
    {
        const string draft = "cadence-and-stride-length";
        for (var round = 0; round < 8; round++)
        {
            Assert.That(await ListedSlugs(), Does.Not.Contain(draft), $"round {round}: still a draft");
            await Workflow(async (db, workflow) => workflow.Publish(await db.Posts.SingleAsync(p => p.Slug == draft)));
            Assert.That(await ListedSlugs(), Does.Contain(draft), $"round {round}: published");
            Assert.That((await _api.GetAsync($"api/v1/posts/{draft}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await Workflow(async (db, workflow) => workflow.Unpublish(await db.Posts.SingleAsync(p => p.Slug == draft)));
            Assert.That(await ListedSlugs(), Does.Not.Contain(draft), $"round {round}: unpublished");
            Assert.That((await _api.GetAsync($"api/v1/posts/{draft}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Settings_and_form_edits_are_seen_by_the_very_next_request()
    {
        Assert.That(await _api.GetStringAsync("api/v1/site"), Does.Not.Contain("Stride, renamed"));
        Assert.That(await _api.GetStringAsync("api/v1/forms"), Does.Not.Contain("Send it, please"));
        await Edit(async db =>
        {
            (await db.Settings.SingleAsync()).SiteTitle = "Stride, renamed";
            (await db.Forms.OrderBy(f => f.Key).FirstAsync()).SubmitLabel = "Send it, please";
        });
        Assert.That(await _api.GetStringAsync("api/v1/site"), Does.Contain("Stride, renamed"));
        Assert.That(await _api.GetStringAsync("api/v1/forms"), Does.Contain("Send it, please"));
    }

    [Test]
    public async Task A_request_without_a_valid_key_is_never_served_from_the_cache()
    {
        await _api.GetStringAsync("api/v1/site");
        using var anonymous = await _cms.Client().GetAsync("api/v1/site");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var wrong = await _cms.Client("not-a-real-key-0000000000000000").GetAsync("api/v1/site");
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Previews_are_never_cached_even_when_no_public_content_changed()
    {
        using var preview = _cms.Client(_cms.PreviewKey);
        var before = await preview.GetStringAsync("api/v1/posts/cadence-and-stride-length");
        await Edit(async db => (await db.Posts.SingleAsync(p => p.Slug == "cadence-and-stride-length")).Title = "Cadence, revised");
        var after = await preview.GetStringAsync("api/v1/posts/cadence-and-stride-length");
        Assert.That(before, Does.Not.Contain("Cadence, revised"));
        Assert.That(after, Does.Contain("Cadence, revised"));
    }

    [Test]
    public async Task A_cached_answer_is_not_given_for_the_same_path_in_other_letters()
    {
        Assert.That((await _api.GetAsync($"api/v1/posts/{Slug}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _api.GetAsync($"api/v1/posts/{Slug.ToUpperInvariant()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _api.GetAsync("api/v1/posts?tag=KNEE-PAIN")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Concurrent_first_requests_for_one_answer_run_its_queries_once()
    {
        // Counted on the posts table: the key check may or may not read its table, as its own cache stands.
        int PostQueries() => _log.Commands.Count(c => c.Contains("\"Posts\"", StringComparison.Ordinal));
        _log.Clear();
        var alone = await _api.GetStringAsync("api/v1/posts?limit=6");
        var queriesOfOne = PostQueries();
        Assert.That(queriesOfOne, Is.GreaterThan(0));

        _log.Clear();
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _api.GetStringAsync("api/v1/posts?limit=7")));
        Assert.That(answers.Distinct().Count(), Is.EqualTo(1));
        Assert.That(answers[0], Is.Not.EqualTo(alone));
        Assert.That(PostQueries(), Is.EqualTo(queriesOfOne), string.Join("\n", _log.Commands));
    }

    [Test]
    public async Task A_cached_Ghost_answer_carries_CORS_headers_only_when_asked_across_origins()
    {
        var path = $"ghost/api/content/tags/?key={_cms.ContentKey}";
        using var anonymous = _cms.Client();
        async Task<HttpResponseMessage> Read(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (origin is not null) request.Headers.Add("Origin", origin);
            return await anonymous.SendAsync(request);
        }

        using var first = await Read("https://front.example");
        _log.Clear();
        using var plain = await Read(null);
        using var again = await Read("https://front.example");
        Assert.That(_log.Commands, Is.Empty, "both answered from the cache");
        Assert.That(first.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(plain.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        Assert.That(again.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(plain.Headers.GetValues("Content-Version"), Is.EqualTo(new[] { "v5.0" }));
        Assert.That(await plain.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
    }

    /// <summary>Commits <paramref name="sql"/> through a connection of its own, as another process would.</summary>
    private async Task RawCommit(string sql)
    {
        await using var connection = await TestDatabase.OpenAsync(_cms.DataPath);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task Edit(Func<CadenceDb, Task> change)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private async Task Workflow(Func<CadenceDb, PostWorkflow, Task> change)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await change(db, scope.ServiceProvider.GetRequiredService<PostWorkflow>());
        await db.SaveChangesAsync();
    }

    private async Task<string> TitleOf(string slug)
    {
        using var json = JsonDocument.Parse(await _api.GetStringAsync($"api/v1/posts/{slug}"));
        return json.RootElement.GetProperty("title").GetString()!;
    }

    private async Task<List<string>> ListedTitles() => await Listed("title");

    private async Task<List<string>> ListedSlugs() => await Listed("slug");

    private async Task<List<string>> Listed(string property)
    {
        using var json = JsonDocument.Parse(await _api.GetStringAsync("api/v1/posts?limit=100"));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty(property).GetString()!).ToList();
    }
}
