using Cadence.Contract;
using Cadence.Site.Cli;
using Cadence.Site.Render;
using Cadence.Site.Source;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cadence.Site.Serve;

/// <summary>
/// <c>serve</c>: builds, then serves the output on 127.0.0.1 and rebuilds when the CMS webhook calls
/// (signed), when a watched folder changes, or on start. Drafts are previewed at /preview/{slug}.
/// </summary>
public static class ServeCommand
{
    public const string RebuildPath = "/_cadence/rebuild";
    public static readonly IReadOnlySet<string> Options =
        new HashSet<string>(BuildCommand.Options) { "port", "watch", "preview-key", "preview-secret", "webhook-secret" };

    public static async Task<int> RunAsync(CommandLine line, CancellationToken stopping)
    {
        var options = BuildCommand.ReadOptions(line);
        var port = int.TryParse(line.Get("port"), out var p) && p is > 0 and < 65536 ? p : 5080;
        var watch = line.Get("watch") ?? options.From;
        var secret = line.Get("webhook-secret", "CADENCE_WEBHOOK_SECRET");
        var previewKey = line.Get("preview-key", "CADENCE_PREVIEW_KEY");
        var previewSecret = line.Get("preview-secret", "CADENCE_PREVIEW_SECRET");
        // Drafts are not public: a preview opens only from a link the manager signed with the secret both are given.
        if (previewKey is not null && options.Api is not null && previewSecret is null)
            throw new UsageException("--preview-key needs --preview-secret (or CADENCE_PREVIEW_SECRET): the CMS's Cadence__Site__PreviewSecret, which signs the manager's preview links.");

        BuildResult? last = null;
        async Task Build(CancellationToken ct)
        {
            var result = await SiteBuild.RunAsync(options, new BuildProgress(false), ct);
            Volatile.Write(ref last, result);
            Console.Out.WriteLine(result.Summary());
        }

        try
        {
            await Build(stopping);
        }
        catch (Exception e) when (e is SourceException or IOException or Cadence.Markdown.Folder.ContentFormatException)
        {
            Console.Error.WriteLine($"Build failed: {e.Message.ReplaceLineEndings(" ")}");
            if (!Directory.Exists(options.Out)) return 1;
            Console.Error.WriteLine("Serving the previous output.");
        }

        var queue = new RebuildQueue(Build, stopping);
        using var watcher = watch is null ? null : new FolderWatcher(watch, queue.Request);
        using var previewApi = previewKey is not null && options.Api is not null ? new DeliveryApiClient(options.Api, previewKey) : null;

        var builder = WebApplication.CreateSlimBuilder();
        // Only what went wrong reaches the terminal; request logs would drown the build summaries.
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // Problem answers are written by the framework's problem-details writer, whose JSON needs no reflection.
        builder.Services.AddProblemDetails();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 1024 * 1024;
            k.AddServerHeader = false; // nobody needs to know what serves the site
        });
        var app = builder.Build();
        var files = new StaticFiles(options.Out);
        var headers = new HeadersFile(options.Out);
        app.Use((http, next) =>
        {
            headers.Apply(http);
            return next(http);
        });
        var preview = previewApi is null ? null : new DraftPreview(previewApi, previewSecret!, () => Volatile.Read(ref last));
        var previewMedia = previewApi is null ? null : new PreviewMedia(previewApi, files);

        app.MapPost(RebuildPath, async (HttpContext http) =>
        {
            if (secret is null) return Results.NotFound();
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            if (!WebhookSignature.IsValid(http.Request.Headers[WebhookSignature.Header], secret, body.ToArray(), DateTimeOffset.UtcNow))
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad or expired signature.");
            queue.Request();
            // Answer when the rebuild is done (if it is done well within the CMS's webhook timeout), so the editor's
            // "Live on your site" is true the moment it appears and "View on site" never opens a page not yet written.
            await Task.WhenAny(queue.Idle, Task.Delay(TimeSpan.FromSeconds(8), http.RequestAborted));
            return Results.Accepted();
        });
        app.MapGet("/preview/{slug}", async (HttpContext http, string slug) =>
        {
            if (preview is null) http.Response.StatusCode = StatusCodes.Status404NotFound;
            else await preview.ServeAsync(http, slug);
        });
        if (previewMedia is not null) app.MapGet("/media/{**path}", previewMedia.ServeAsync);
        // A fallback endpoint, not app.Run: terminal middleware would run before the endpoints and swallow the rebuild POST.
        app.MapFallback("{**path}", files.ServeAsync);

        Console.Out.WriteLine($"Serving {Path.GetFullPath(options.Out)} at http://127.0.0.1:{port}/ (Ctrl+C stops)");
        await app.StartAsync(stopping);
        // The host listens for SIGTERM too, and stops itself: either way, this command then ends.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        await queue.Idle;
        return 0;
    }
}
