using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Cadence.Cms.Tests.Forms;

/// <summary>SIGKILL in the middle of a burst: every submission that was answered 201 must be there after a restart.</summary>
public class CrashTests
{
    private const int Count = 2_000;
    private const int Clients = 32;

    [Test]
    public async Task Every_acknowledged_submission_and_its_mail_survive_a_kill_during_load()
    {
        var environment = new Dictionary<string, string>
        {
            ["Cadence__Forms__RateLimitPermits"] = "1000000",
            ["Cadence__Admin__Email"] = CmsServer.AdminEmail,
            ["Cadence__Admin__Password"] = CmsServer.AdminPassword,
        };
        var cms = await CmsProcess.StartAsync(environment);
        var acknowledged = new ConcurrentBag<string>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var next = -1;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) };

        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Count)
            {
                var email = $"crash-{run}-{i}@runner.test";
                try
                {
                    using var response = await http.SendAsync(Request(cms.BaseUrl, email, i));
                    if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add(email);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // the server died under it
            }
        })).ToArray();

        while (acknowledged.Count < Count / 4 && !clients.All(c => c.IsCompleted)) await Task.Delay(5);
        cms.Kill();
        await Task.WhenAll(clients);
        Assert.That(acknowledged, Has.Count.LessThan(Count), "the kill landed during the load");

        await using var restarted = await CmsProcess.StartAsync(environment, cms.DataPath);
        var stored = await StoredEmails(cms.DataPath, "SELECT \"Email\" FROM \"Submissions\"");
        var mailed = (await StoredEmails(cms.DataPath, "SELECT \"Addresses\" FROM \"MailOutbox\"")).SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        Assert.That(acknowledged.Where(e => !stored.Contains(e)), Is.Empty, "acknowledged but lost");
        Assert.That(acknowledged.Where(e => !mailed.Contains(e)), Is.Empty, "acknowledged but its notification was not queued");
        TestContext.Out.WriteLine($"{acknowledged.Count} acknowledged before the kill, {stored.Count} stored");
    }

    private static HttpRequestMessage Request(string cmsUrl, string email, int i)
    {
        var body = new Dictionary<string, string>
        {
            ["name"] = $"Runner {i}", ["email"] = email, ["topic"] = "Knee pain", ["message"] = $"Crash test {i}", ["consent"] = "true",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{cmsUrl}/forms/contact-therapist")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://127.0.0.1:5080");
        request.Headers.Add("Accept", "application/json");
        return request;
    }

    private static async Task<HashSet<string>> StoredEmails(string dataPath, string sql)
    {
        await using var connection = await TestDatabase.OpenAsync(dataPath);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new HashSet<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
