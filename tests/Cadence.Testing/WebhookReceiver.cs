using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cadence.Testing;

/// <summary>One request a <see cref="WebhookReceiver"/> took, with whether its Cadence-Signature matched.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body, bool SignatureValid)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public IReadOnlyList<string> Slugs => Json.GetProperty("slugs").EnumerateArray().Select(s => s.GetString()!).ToList();
    public IReadOnlyList<string> Events => Json.GetProperty("events").EnumerateArray().Select(s => s.GetString()!).ToList();
}

/// <summary>
/// A small real HTTP receiver on 127.0.0.1 that checks the HMAC signature itself (independently of the CMS code),
/// answers 204 and records every request. It can be started on a port chosen before it exists, to play a receiver that is down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly List<ReceivedWebhook> _all = [];

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public IReadOnlyList<ReceivedWebhook> All { get { lock (_all) return _all.ToList(); } }

    public static async Task<WebhookReceiver> StartAsync(string secret, int? port = null)
    {
        var chosen = port ?? CmsProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{chosen}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, chosen);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var valid = IsSigned(headers.GetValueOrDefault("Cadence-Signature"), secret, body);
            var webhook = new ReceivedWebhook(http.Request.Path, headers, body, valid);
            lock (receiver._all) receiver._all.Add(webhook);
            receiver._received.Writer.TryWrite(webhook);
            return valid || headers.ContainsKey("Authorization") ? Results.NoContent() : Results.Unauthorized();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next request, or a failed test after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            return await _received.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook arrived within {timeout ?? TimeSpan.FromSeconds(20)}.");
        }
    }

    /// <summary>Waits for requests until one has <paramref name="slug"/>.</summary>
    public async Task<ReceivedWebhook> NextWithSlugAsync(string slug, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No webhook with '{slug}' arrived.");
            var webhook = await NextAsync(left);
            if (webhook.Body.Contains($"\"{slug}\"", StringComparison.Ordinal)) return webhook;
        }
    }

    /// <summary>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;, checked as a receiver would.</summary>
    public static bool IsSigned(string? header, string secret, string body)
    {
        if (header is null) return false;
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)) return false;
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v1));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
