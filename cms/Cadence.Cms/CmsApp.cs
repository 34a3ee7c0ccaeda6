using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Delivery;
using Cadence.Cms.Forms;
using Cadence.Cms.Hosting;
using Cadence.Cms.Mail;
using Cadence.Cms.Manager;
using Cadence.Cms.Media;
using Cadence.Cms.Seeding;
using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;

namespace Cadence.Cms;

/// <summary>Composes the CMS. Tests build it the same way, on a real Kestrel server and a real SQLite file.</summary>
public static class CmsApp
{
    /// <param name="settings">Configuration that wins over files and environment (tests use it).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? settings = null)
    {
        // Settings files sit beside the binary; data and content paths resolve from the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var services = builder.Services;

        services.AddOptions<CadenceOptions>().Bind(builder.Configuration.GetSection(CadenceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection("Cadence:Scheduling"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CmsAddress>();
        // Sign-in cookies and antiforgery tokens must survive a restart, so their keys live in the data folder.
        services.AddDataProtection().SetApplicationName("Cadence.Cms")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder(builder.Configuration), "keys")));

        services.AddSingleton<SiteChangeRecorder>();
        services.AddSingleton<ISiteChangeWriter, ChangesFeedWriter>();
        services.AddCadenceDatabase(builder.Configuration);
        services.AddCadenceIdentity();
        services.AddSignInRateLimit(builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DeliveryJson.Default));
        services.AddOpenApi("v1");
        // Manager pages live in their feature folders with absolute routes (@page "/manager/…").

        services.AddScoped<UserAccounts>();
        services.AddScoped<FirstRun>();
        services.AddScoped<PostWorkflow>();
        services.AddScoped<PostMapping>();
        services.AddSingleton<MarkdownFactsCache>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddHostedService<ScheduledPublisher>();
        services.AddCadenceMail(builder.Configuration);
        services.AddCadenceForms(builder.Configuration);

        services.AddCadenceManager();
        services.AddScoped<AccountMail>();
        services.AddScoped<AuthorProfiles>();
        services.AddScoped<PostRevisions>();
        services.AddScoped<PostEditing>();
        services.AddScoped<PostEditor>();
        services.AddScoped<MediaUsage>();
        services.AddScoped<TaxonomyEditing>();
        services.AddCadenceWebhooks(builder.Configuration);
        return builder;
    }

    /// <summary>The folder for local state: the database (by default), data-protection keys, mail pickup.</summary>
    public static string DataFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration[$"{CadenceOptions.Section}:DataPath"] ?? ".data");

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTrustedForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", options => options.WithTitle("Cadence delivery API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapDeliveryApi();
        app.MapPublicMedia();
        app.MapCadenceForms();
        app.MapManager();
        app.MapGet("/", () => Results.Redirect("/manager")).ExcludeFromDescription();
        app.MapGet("/healthz", () => TypedResults.Ok("ok")).ExcludeFromDescription();
        return app;
    }
}
