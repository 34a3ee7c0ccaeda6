using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cadence.EndToEnd.Tests.Instances;

/// <summary>
/// Two real CMS processes on one backend (<see cref="SharedBackend"/>), as two instances behind a proxy: forms survive
/// one being killed, background work happens once, a sign-in and an upload on one are good on the other. Each test
/// runs on both backends: one SQLite file and media folder on one machine, and one PostgreSQL database and S3 bucket
/// for instances that share no folder.
/// </summary>
[TestFixture(Backend.SqliteAndFolder)]
[TestFixture(Backend.PostgreSqlAndS3)]
public partial class TwoProcessesTests(Backend kind)
{
    private const string WebhookSecret = "two-process-receiver-secret";
    private readonly Stopwatch _elapsed = new();
    private SharedBackend _backend = null!;

    [SetUp]
    public async Task CreateBackend()
    {
        _elapsed.Restart();
        _backend = await SharedBackend.CreateAsync(kind);
    }

    [TearDown]
    public void Report() => TestContext.Out.WriteLine($"{kind}: {_elapsed.Elapsed.TotalSeconds:0.0} s");

    [Test]
    public async Task Forms_sent_to_both_keep_every_acknowledged_submission_when_one_is_killed_mid_load()
    {
        var environment = Environment();
        await using var a = await CmsProcess.StartAsync(environment);
        await using var b = await CmsProcess.StartAsync(environment);
        const int count = 2_000;
        const int clients = 16;
        var acknowledged = new ConcurrentBag<string>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var next = -1;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) };

        var senders = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var email = $"two-{run}-{i}@runner.test";
                try
                {
                    using var response = await http.SendAsync(FormPost(i % 2 == 0 ? a.BaseUrl : b.BaseUrl, email, i));
                    if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add(email);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // b died under it
            }
        })).ToArray();
        while (acknowledged.Count < count / 4 && !senders.All(s => s.IsCompleted)) await Task.Delay(5);
        b.Kill();
        await Task.WhenAll(senders);

        var stored = (await QueryAsync("SELECT \"Email\" FROM \"Submissions\"")).ToHashSet();
        Assert.That(acknowledged.Where(e => !stored.Contains(e)), Is.Empty, "acknowledged but lost");
        // A post b committed but could not answer is stored and unacknowledged: at most one per client.
        Assert.That(stored.Count(e => e.StartsWith($"two-{run}-", StringComparison.Ordinal)) - acknowledged.Count, Is.InRange(0, clients));
        Assert.That(acknowledged.Count, Is.GreaterThan(count / 2), "the survivor took its half and more");
        TestContext.Out.WriteLine($"{acknowledged.Count} acknowledged, {stored.Count} stored");
    }

    [Test]
    public async Task A_scheduled_post_goes_live_once_with_one_delivery_per_endpoint()
    {
        await using var first = await WebhookReceiver.StartAsync(WebhookSecret);
        await using var second = await WebhookReceiver.StartAsync(WebhookSecret);
        var environment = Environment();
        environment["Cadence__Scheduling__Interval"] = "00:00:00.200";
        environment["Cadence__Webhooks__PollInterval"] = "00:00:00.200";
        environment["Cadence__Webhooks__Debounce"] = "00:00:00";
        environment["Cadence__Webhooks__AllowPrivateTargets"] = "true";
        for (var i = 0; i < 2; i++)
        {
            environment[$"Cadence__Webhooks__Endpoints__{i}__Url"] = (i == 0 ? first : second).Url;
            environment[$"Cadence__Webhooks__Endpoints__{i}__Secret"] = WebhookSecret;
        }
        await using var a = await CmsProcess.StartAsync(environment);
        await using var b = await CmsProcess.StartAsync(environment);

        const string slug = "cadence-and-stride-length";
        await ExecuteAsync("UPDATE \"Posts\" SET \"Status\" = 'Scheduled', \"PublishedAt\" = @due, \"Version\" = \"Version\" + 1 WHERE \"Slug\" = @slug",
            ("due", DateTime.UtcNow.AddSeconds(3)), ("slug", slug));
        var before = long.Parse((await QueryAsync("SELECT MAX(\"Id\") FROM \"ContentChanges\"")).Single(), CultureInfo.InvariantCulture);

        var webhooks = await Task.WhenAll(first.NextWithSlugAsync(slug, TimeSpan.FromSeconds(60)), second.NextWithSlugAsync(slug, TimeSpan.FromSeconds(60)));
        await Task.Delay(2000); // both schedulers and dispatchers have polled several times since
        foreach (var receiver in new[] { first, second })
            Assert.That(receiver.All.Count(w => w.Slugs.Contains(slug)), Is.EqualTo(1), "one delivery per endpoint");
        Assert.That(webhooks.All(w => w.SignatureValid && w.Events.Contains("post.published")), Is.True);
        var changed = await QueryAsync("SELECT \"Slug\" FROM \"ContentChanges\" WHERE \"Id\" > @before", ("before", before));
        Assert.That(changed.Count(s => s == slug), Is.EqualTo(1), "one changes-feed row");
        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", environment["Cadence__ContentKey"]);
        Assert.That((await api.GetAsync($"{b.BaseUrl}/api/v1/posts/{slug}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_sign_in_on_one_opens_the_manager_on_the_other_and_an_upload_on_one_is_served_by_the_other_and_built()
    {
        var environment = Environment();
        await using var a = await CmsProcess.StartAsync(environment);
        await using var b = await CmsProcess.StartAsync(environment);
        // Cookies belong to the host, not the port: one browser, two instances.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

        var signIn = await PostFormAsync(browser, a.BaseUrl + "/manager/account/sign-in", new() { ["Email"] = Admin.Email, ["Password"] = Admin.Password });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in on a");
        using var manager = await browser.GetAsync(b.BaseUrl + "/manager/media");
        Assert.That(manager.StatusCode, Is.EqualTo(HttpStatusCode.OK), "b accepts a's sign-in cookie");

        var image = SampleImages.Jpeg(640, 400);
        var token = AntiforgeryToken(await browser.GetStringAsync(b.BaseUrl + "/manager/media"));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("A runner on the track"), "Alt" },
        };
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "Upload", "two-instances.jpg");
        using var uploaded = await browser.PostAsync(b.BaseUrl + "/manager/media", upload);
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "uploaded through b (with a token b issued to a's session)");
        var page = await browser.GetStringAsync(b.BaseUrl + uploaded.Headers.Location!.OriginalString);
        var name = MediaLink().Match(page).Groups[1].Value;
        Assert.That(name, Is.Not.Empty, "the media page links the file");

        using var reader = new HttpClient();
        Assert.That(await reader.GetByteArrayAsync($"{a.BaseUrl}/media/{name}"), Is.EqualTo(image), "served by a");
        if (_backend.S3 is { } s3)
        {
            var key = (await QueryAsync("SELECT \"StoreKey\" FROM \"Media\" WHERE \"FileName\" = @name", ("name", name))).Single();
            using var bucket = s3.Client();
            using var stored = await bucket.GetObjectAsync(s3.Bucket, key);
            using var bytes = new MemoryStream();
            await stored.ResponseStream.CopyToAsync(bytes);
            Assert.That(bytes.ToArray(), Is.EqualTo(image), "the bucket holds the upload");
        }

        // The picture of a live post, built over a's API once an instance has made its variants.
        await ExecuteAsync("UPDATE \"Posts\" SET \"Image\" = @image, \"Version\" = \"Version\" + 1 WHERE \"Slug\" = 'knee-pain-when-running'", ("image", $"/media/{name}"));
        const string variantsOfUpload = "SELECT COUNT(*) FROM \"MediaVariants\" v JOIN \"Media\" m ON v.\"MediaFileId\" = m.\"Id\" WHERE m.\"FileName\" = @name";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await QueryAsync(variantsOfUpload, ("name", name))).Single() == "0")
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("No instance made the upload's variants.");
            await Task.Delay(200);
        }
        var output = RepoPaths.NewTempFolder("two-instances-site");
        var build = await SiteCommand.BuildAsync("--api", a.BaseUrl, "--key", environment["Cadence__ContentKey"], "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var stem = Path.GetFileNameWithoutExtension(name);
        Assert.That(File.ReadAllText(Path.Combine(output, "posts", "knee-pain-when-running", "index.html")), Does.Contain(stem));
        Assert.That(File.ReadAllBytes(Path.Combine(output, "media", name)), Is.EqualTo(image), "the build wrote the upload as it was");
        Assert.That(Directory.GetFiles(Path.Combine(output, "media", "variants")), Is.Not.Empty, "and its variants");
        Assert.That(a.Output + b.Output, Does.Not.Contain("fail: Cadence."), "neither instance logged an error of its own (such as a failed variant pass)");
    }

    private Dictionary<string, string> Environment() => new(_backend.Environment)
    {
        ["Cadence__ContentKey"] = "two-process-content-key-0123456789",
        ["Cadence__PreviewKey"] = "two-process-preview-key-0123456789",
        ["Cadence__Admin__Email"] = Admin.Email,
        ["Cadence__Admin__Password"] = Admin.Password,
        ["Cadence__Forms__RateLimitPermits"] = "1000000",
    };

    private static class Admin
    {
        public const string Email = "owner@clinic.test";
        public const string Password = "correct-kettle-harbour-lamp";
    }

    private static HttpRequestMessage FormPost(string cmsUrl, string email, int i)
    {
        var body = new Dictionary<string, string>
        {
            ["name"] = $"Runner {i}", ["email"] = email, ["topic"] = "Knee pain", ["message"] = $"Two instances {i}", ["consent"] = "true",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{cmsUrl}/forms/contact-therapist")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://127.0.0.1:5080");
        request.Headers.Add("Accept", "application/json");
        return request;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AntiforgeryToken(await browser.GetStringAsync(url));
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string AntiforgeryToken(string html) => AntiforgeryInput().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new AssertionException("The page has no antiforgery token.");

    /// <summary>The first column of each row, as text, read behind the instances (quoted names work on both providers).</summary>
    private async Task<List<string>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _backend.OpenDatabaseAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _backend.OpenDatabaseAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("/media/([A-Za-z0-9._-]+\\.jpg)")]
    private static partial Regex MediaLink();
}
