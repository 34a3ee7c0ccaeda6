using Cadence.Cms;
using Cadence.Cms.Accounts;
using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cadence.Testing;

/// <summary>
/// The real CMS, in this process, on a real Kestrel server at 127.0.0.1 with its own database (a SQLite file, or a
/// fresh PostgreSQL database: <see cref="TestDatabase"/>).
/// Configuration and services can be overridden (a fake TimeProvider, shorter intervals).
/// </summary>
public sealed class CmsServer : IAsyncDisposable
{
    public const string AdminEmail = "owner@clinic.test";
    public const string AdminPassword = "correct-kettle-harbour-lamp";

    private readonly WebApplication _app;

    private CmsServer(WebApplication app, string dataPath, string contentKey, string previewKey, FirstRunReport report)
    {
        _app = app;
        DataPath = dataPath;
        ContentKey = contentKey;
        PreviewKey = previewKey;
        FirstRun = report;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }
    public string DataPath { get; }
    public string DatabaseFile => Path.Combine(DataPath, "cadence.db");
    public string ContentKey { get; }
    public string PreviewKey { get; }
    public FirstRunReport FirstRun { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration to add or override, such as <c>Cadence:ContentPath</c>.</param>
    /// <param name="services">Service overrides, applied after the CMS registers its own.</param>
    /// <param name="dataPath">An existing data folder, to restart a CMS on the same database.</param>
    public static async Task<CmsServer> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataPath = null)
    {
        dataPath ??= RepoPaths.NewTempFolder("cms");
        var contentKey = "test-content-key-" + Guid.NewGuid().ToString("N");
        var previewKey = "test-preview-key-" + Guid.NewGuid().ToString("N");
        var config = new Dictionary<string, string?>
        {
            ["Cadence:DataPath"] = dataPath,
            ["Cadence:ContentPath"] = RepoPaths.Content,
            ["Cadence:ContentKey"] = contentKey,
            ["Cadence:PreviewKey"] = previewKey,
            ["Cadence:Admin:Email"] = AdminEmail,
            ["Cadence:Admin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests sign in far more often than a person; the limit itself has its own test.
            ["Cadence:Accounts:AttemptsPerMinute"] = "10000",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in await TestMediaStore.SettingsAsync()) config[key] = value;
        foreach (var (key, value) in await TestDatabase.SettingsForAsync(dataPath)) config[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        contentKey = config["Cadence:ContentKey"] ?? contentKey;
        previewKey = config["Cadence:PreviewKey"] ?? previewKey;

        var builder = CmsApp.CreateBuilder([], config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        services?.Invoke(builder.Services);

        var app = CmsApp.Build(builder);
        var report = await StartupTasks.PrepareAsync(app.Services);
        await app.StartAsync();
        return new CmsServer(app, dataPath, contentKey, previewKey, report);
    }

    /// <summary>
    /// An HTTP client for the API, carrying <paramref name="key"/> as a Bearer key when given. Every delivery and form
    /// answer it receives is checked against the CMS's OpenAPI document (<see cref="ContractCheckingHandler"/>).
    /// </summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient(new ContractCheckingHandler(new Uri(BaseUrl + "/"))) { BaseAddress = new Uri(BaseUrl + "/") };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// <summary>Waits until the background pass has made every public image's variants, so builds that follow agree.</summary>
    public async Task ImageVariantsMadeAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Cadence.Cms.Data.CadenceDb>();
            var waiting = await db.Media.CountAsync(m => m.IsPublic && m.Width != null && !db.Set<Cadence.Cms.Media.MediaVariant>().Any(v => v.MediaFileId == m.Id));
            if (waiting == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{waiting} images still have no variants.");
            await Task.Delay(100);
        }
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Idle pooled connections of a stopped server would count against the test cluster's connection limit.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
