using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Cadence.FormsLoad;

public sealed record LoadResult(int Sent, int Acknowledged, int Failed, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyCollection<string> AcknowledgedEmails)
{
    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;
    public double Percentile(double p) => LatenciesMs.Length == 0 ? 0 : LatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}

/// <summary>
/// Posts contact-form submissions from many concurrent clients, alternating the two ways a browser sends them:
/// JSON from script (answer 201) and a plain urlencoded form (answer 303). Every submission is different. Without a
/// rate each client sends again as soon as it is answered (closed loop: latency is clients ÷ throughput); with one,
/// submissions arrive at that rate as readers' would (open loop), on at most <c>clients</c> connections.
/// </summary>
public static class FormsLoad
{
    public const string SiteOrigin = "http://127.0.0.1:5080";

    public static async Task<LoadResult> RunAsync(string cmsUrl, int count, int clients, double? rate = null, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, AllowAutoRedirect = false, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new ConcurrentBag<double>();
        var acknowledged = new ConcurrentBag<string>();
        var failed = 0;
        var next = -1;
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
            {
                var email = $"load-{run}-{i}@runner.test";
                // At a fixed rate, submission i is due at i / rate seconds and its latency counts from then, so a
                // send held back by a busy server (all clients waiting) is measured, not left out.
                var due = rate is { } perSecond ? TimeSpan.FromSeconds(i / perSecond) : clock.Elapsed;
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
                try
                {
                    using var request = Request(cmsUrl, email, i);
                    using var response = await http.SendAsync(request, cancellationToken);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.SeeOther) acknowledged.Add(email);
                    else Interlocked.Increment(ref failed);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
                latencies.Add((clock.Elapsed - due).TotalMilliseconds);
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new LoadResult(sorted.Length, acknowledged.Count, failed, clock.Elapsed, sorted, acknowledged.ToArray());
    }

    private static HttpRequestMessage Request(string cmsUrl, string email, int i)
    {
        var started = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds().ToString();
        var fields = new Dictionary<string, string>
        {
            ["name"] = $"Runner {i}", ["email"] = email, ["topic"] = "Knee pain",
            ["message"] = $"Submission {i}: my knee hurts after long runs.", ["consent"] = "true", ["website"] = "", ["_started"] = started,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{cmsUrl}/forms/contact-therapist");
        request.Headers.Add("Origin", SiteOrigin);
        if (i % 2 == 0)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json");
            request.Headers.Add("Accept", "application/json");
        }
        else
        {
            request.Content = new FormUrlEncodedContent(fields);
            request.Headers.Add("Accept", "text/html");
        }
        return request;
    }
}
