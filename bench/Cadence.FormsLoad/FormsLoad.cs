using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Cadence.FormsLoad;

/// <summary>One submission: when it was due (from the start of the run) and how long its answer took from then.</summary>
public readonly record struct Timing(double DueMs, double LatencyMs);

public sealed record LoadResult(int Sent, int Acknowledged, int Failed, TimeSpan Elapsed, Timing[] Timings, IReadOnlyCollection<string> AcknowledgedEmails)
{
    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;
    public double Percentile(double p) => Percentile(Timings, p);

    /// <summary>
    /// The percentile of each consecutive window of submissions due within <paramref name="window"/>, so the first
    /// seconds of a fresh process (the JIT still optimising its hot code) can be told from the rest.
    /// </summary>
    public IReadOnlyList<double> PercentileBy(TimeSpan window, double p) => Timings
        .GroupBy(t => (int)(t.DueMs / window.TotalMilliseconds)).OrderBy(g => g.Key)
        .Select(g => Percentile(g.ToArray(), p)).ToList();

    private static double Percentile(Timing[] timings, double p)
    {
        if (timings.Length == 0) return 0;
        var sorted = timings.Select(t => t.LatencyMs).Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
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
        var timings = new ConcurrentBag<Timing>();
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
                timings.Add(new Timing(due.TotalMilliseconds, (clock.Elapsed - due).TotalMilliseconds));
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var all = timings.ToArray();
        return new LoadResult(all.Length, acknowledged.Count, failed, clock.Elapsed, all, acknowledged.ToArray());
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
