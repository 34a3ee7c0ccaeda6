using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cadence.Cms.Tests.Forms;

/// <summary>Posting forms the way the static site does, and looking at what the CMS stored and mailed.</summary>
public static class FormPosts
{
    public const string SiteOrigin = "http://127.0.0.1:5080";

    /// <summary>Forms settings for tests: a generous rate limit and quick mail delivery.</summary>
    public static Dictionary<string, string?> TestSettings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cadence:Forms:RateLimitPermits"] = "100000",
            ["Cadence:Mail:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <summary>A page-load time far enough back to pass the minimum fill time.</summary>
    public static string StartedLongAgo() => DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds().ToString();

    public static Dictionary<string, object?> Contact(string email, string message = "My left knee hurts after 10 km.") => new()
    {
        ["name"] = "Ada Runner", ["email"] = email, ["phone"] = "+44 20 7946 0000", ["topic"] = "Knee pain",
        ["message"] = message, ["consent"] = true, ["website"] = "", ["_started"] = StartedLongAgo(),
    };

    /// <summary>What site.js sends: JSON, asking for JSON, from the site's origin.</summary>
    public static async Task<HttpResponseMessage> FetchAsync(CmsServer cms, string key, object body, string origin = SiteOrigin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{cms.BaseUrl}/forms/{key}")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Origin", origin);
        using var client = NoRedirects();
        return await client.SendAsync(request);
    }

    /// <summary>What a browser sends for a plain HTML form with script off.</summary>
    public static async Task<HttpResponseMessage> PlainPostAsync(CmsServer cms, string key, HttpContent content, string? origin = SiteOrigin, string? referer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{cms.BaseUrl}/forms/{key}") { Content = content };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        using var client = NoRedirects();
        return await client.SendAsync(request);
    }

    public static FormUrlEncodedContent UrlEncoded(IDictionary<string, object?> fields) =>
        new(fields.Where(f => f.Value is not null && f.Value is not false)
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value is true ? "true" : f.Value!.ToString()!)));

    public static HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false });

    public static async Task<List<Submission>> SubmissionsAsync(CmsServer cms, string? email = null)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        return await db.Submissions.AsNoTracking().Where(s => email == null || s.Email == email).OrderBy(s => s.Id).ToListAsync();
    }

    public static async Task<List<OutboxMail>> OutboxAsync(CmsServer cms, string address)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var needle = " " + address + " ";
        return await db.MailOutbox.AsNoTracking().Where(m => m.Addresses.Contains(needle)).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Waits (bounded) for a message in the pickup folder that matches, as the mail sender writes them.</summary>
    public static async Task<MimeMessage> PickedUpAsync(string dataPath, Func<MimeMessage, bool> match)
    {
        var folder = Path.Combine(dataPath, "mail-pickup");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (match(message)) return message;
                }
            await Task.Delay(100);
        }
        throw new AssertionException($"No matching message was written to {folder}.");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)] + "@runner.test";
}
