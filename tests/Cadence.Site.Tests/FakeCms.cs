using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cadence.Site.Tests;

/// <summary>
/// A stand-in for the CMS process on 127.0.0.1, answering canned JSON shaped like docs/delivery-api.md.
/// It exists so the site's HTTP client is tested over real HTTP before and besides the real CMS.
/// </summary>
public sealed class FakeCms : IAsyncDisposable
{
    public const string ContentKey = "content-key-123";
    private readonly WebApplication _app;

    private FakeCms(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }
    public int PostPageRequests { get; private set; }

    public static async Task<FakeCms> StartAsync(int posts = 3)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        FakeCms? cms = null;
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api") && http.Request.Headers.Authorization != $"Bearer {ContentKey}")
            {
                http.Response.StatusCode = 401;
                http.Response.ContentType = "application/problem+json";
                await http.Response.WriteAsync("""{"type":"about:blank","title":"Unauthorized","status":401}""");
                return;
            }
            await next(http);
        });
        app.MapGet("/api/v1/site", () => Json("""
            { "clinicName": "Fake Clinic", "title": "Fake Tips", "description": "From the API.", "baseUrl": "https://fake.example",
              "cmsUrl": "https://cms.fake.example", "timeZone": "Europe/London",
              "navigation": [ { "label": "Home", "url": "/" } ], "social": [] }
            """));
        app.MapGet("/api/v1/posts", (int page, int limit) =>
        {
            cms!.PostPageRequests++;
            // Two posts a page whatever the limit, so the client must follow pagination.
            var items = Enumerable.Range(1, posts).Skip((page - 1) * 2).Take(2).Select(Post);
            var pages = (posts + 1) / 2;
            return Json($$"""
                { "items": [ {{string.Join(",", items)}} ],
                  "pagination": { "page": {{page}}, "limit": 2, "pages": {{pages}}, "total": {{posts}},
                                  "next": {{(page < pages ? page + 1 : "null")}}, "prev": {{(page > 1 ? page - 1 : "null")}} } }
                """);
        });
        app.MapGet("/api/v1/tags", () => Json("""{ "items": [ { "slug": "knee-pain", "name": "Knee pain", "postCount": 3 } ] }"""));
        app.MapGet("/api/v1/categories", () => Json("""{ "items": [ { "slug": "injuries", "name": "Injuries", "postCount": 3 } ] }"""));
        app.MapGet("/api/v1/authors", () => Json("""{ "items": [ { "slug": "amara-okafor", "name": "Amara Okafor", "bio": "Physio.", "avatar": "/media/avatar.png", "postCount": 3 } ] }"""));
        app.MapGet("/api/v1/redirects", () => Json("""{ "items": [ { "from": "old-knee-post", "to": "post-1" } ] }"""));
        app.MapGet("/api/v1/changes", () => Json("""{ "cursor": "c42", "changed": [], "deleted": [], "siteChanged": false }"""));
        app.MapGet("/api/v1/forms", () => Json("""
            { "items": [ { "key": "knee-pain-ebook", "title": "Get the ebook", "intro": "Free.", "submitLabel": "Send me the ebook",
              "successMessage": "Thanks!", "thankYouPath": "/thanks/knee-pain-ebook/", "hasAsset": true,
              "fields": [ { "name": "email", "type": "email", "label": "Email address", "required": true, "maxLength": 254, "options": [] } ] } ] }
            """));
        app.MapGet("/media/{file}", (string file) => Results.Bytes(TestContent.Png, "image/png"));
        await app.StartAsync();
        cms = new FakeCms(app, new Uri($"http://127.0.0.1:{port}/"));
        return cms;
    }

    private static string Post(int i) => $$"""
        { "slug": "post-{{i}}", "title": "API post {{i}}", "excerpt": "Excerpt {{i}}.", "status": "published",
          "publishedAt": "2026-09-{{10 + i}}T07:00:00+00:00", "updatedAt": "2026-09-{{10 + i}}T08:00:00+00:00",
          "readingMinutes": 4, "wordCount": 820, "body": "Hello from the API.\n\n::: form knee-pain-ebook\n\n![Knee](/media/inline.png)\n",
          "tags": [ { "slug": "knee-pain", "name": "Knee pain" } ], "category": { "slug": "injuries", "name": "Injuries" },
          "author": { "slug": "amara-okafor", "name": "Amara Okafor", "bio": "Physio.", "avatar": "/media/avatar.png" },
          "image": { "url": "/media/knee.png", "alt": "A knee", "width": 1200, "height": 630 },
          "seo": { "title": null, "description": null, "socialImage": null, "canonicalUrl": null },
          "forms": [ "knee-pain-ebook" ] }
        """;

    private static IResult Json(string json) => Results.Text(json, "application/json");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
