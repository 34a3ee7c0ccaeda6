using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Cadence.EndToEnd.Tests.Instances;

/// <summary>
/// Two real CMS processes on one backend (<see cref="SharedBackend"/>), as two instances behind a proxy: forms survive
/// one being killed, background work happens once, a sign-in and an upload on one are good on the other.
/// </summary>
public partial class TwoProcessesTests
{
    private const string WebhookSecret = "two-process-receiver-secret";

    [Test]
    public async Task Forms_sent_to_both_keep_every_acknowledged_submission_when_one_is_killed_mid_load()
    {
        var backend = await SharedBackend.CreateAsync();
        var environment = Environment(backend);
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

        var stored = Query(backend, "SELECT Email FROM Submissions").ToHashSet();
        Assert.That(acknowledged.Where(e => !stored.Contains(e)), Is.Empty, "acknowledged but lost");
        // A post b committed but could not answer is stored and unacknowledged: at most one per client.
        Assert.That(stored.Count(e => e.StartsWith($"two-{run}-", StringComparison.Ordinal)) - acknowledged.Count, Is.InRange(0, clients));
        Assert.That(acknowledged.Count, Is.GreaterThan(count / 2), "the survivor took its half and more");
        TestContext.Out.WriteLine($"{acknowledged.Count} acknowledged, {stored.Count} stored");
    }

    [Test]
    public async Task A_scheduled_post_goes_live_once_with_one_delivery_per_endpoint()
    {
        var backend = await SharedBackend.CreateAsync();
        await using var first = await WebhookReceiver.StartAsync(WebhookSecret);
        await using var second = await WebhookReceiver.StartAsync(WebhookSecret);
        var environment = Environment(backend);
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
        var due = DateTime.UtcNow.AddSeconds(3).ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        Execute(backend, $"UPDATE Posts SET Status = 'Scheduled', PublishedAt = '{due}', Version = Version + 1 WHERE Slug = '{slug}'");
        var before = long.Parse(Query(backend, "SELECT MAX(Id) FROM ContentChanges").Single(), CultureInfo.InvariantCulture);

        var webhooks = await Task.WhenAll(first.NextWithSlugAsync(slug, TimeSpan.FromSeconds(60)), second.NextWithSlugAsync(slug, TimeSpan.FromSeconds(60)));
        await Task.Delay(2000); // both schedulers and dispatchers have polled several times since
        foreach (var receiver in new[] { first, second })
            Assert.That(receiver.All.Count(w => w.Slugs.Contains(slug)), Is.EqualTo(1), "one delivery per endpoint");
        Assert.That(webhooks.All(w => w.SignatureValid && w.Events.Contains("post.published")), Is.True);
        Assert.That(Query(backend, $"SELECT Slug FROM ContentChanges WHERE Id > {before}").Count(s => s == slug), Is.EqualTo(1), "one changes-feed row");
        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", environment["Cadence__ContentKey"]);
        Assert.That((await api.GetAsync($"{b.BaseUrl}/api/v1/posts/{slug}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_sign_in_on_one_opens_the_manager_on_the_other_and_an_upload_on_one_is_served_by_the_other_and_built()
    {
        var backend = await SharedBackend.CreateAsync();
        var environment = Environment(backend);
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

        // The picture of a live post, built over a's API once an instance has made its variants.
        Execute(backend, $"UPDATE Posts SET Image = '/media/{name}', Version = Version + 1 WHERE Slug = 'knee-pain-when-running'");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Query(backend, $"SELECT COUNT(*) FROM MediaVariants v JOIN Media m ON v.MediaFileId = m.Id WHERE m.FileName = '{name}'").Single() == "0")
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("No instance made the upload's variants.");
            await Task.Delay(200);
        }
        var output = RepoPaths.NewTempFolder("two-instances-site");
        var build = await SiteCommand.BuildAsync("--api", a.BaseUrl, "--key", environment["Cadence__ContentKey"], "--out", output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var stem = Path.GetFileNameWithoutExtension(name);
        Assert.That(File.ReadAllText(Path.Combine(output, "posts", "knee-pain-when-running", "index.html")), Does.Contain(stem));
        Assert.That(Directory.GetFiles(Path.Combine(output, "media"), stem + "*", SearchOption.AllDirectories), Is.Not.Empty, "the build wrote the picture");
    }

    private static Dictionary<string, string> Environment(SharedBackend backend) => new(backend.Environment)
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

    private static List<string> Query(SharedBackend backend, string sql)
    {
        using var connection = Open(backend);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }

    private static void Execute(SharedBackend backend, string sql)
    {
        using var connection = Open(backend);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; " + sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(SharedBackend backend)
    {
        var connection = new SqliteConnection(backend.Database["ConnectionStrings:Cadence"] + ";Pooling=False");
        connection.Open();
        return connection;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("/media/([A-Za-z0-9._-]+\\.jpg)")]
    private static partial Regex MediaLink();
}
