using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Delivery;
using Cadence.Cms.Forms;
using Cadence.Cms.Ghost;
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
        builder.WebHost.WithoutServerHeader();
        var services = builder.Services;

        services.AddValidatedOptions<CadenceOptions>(CadenceOptions.Section);
        services.AddPublicEdge(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CmsAddress>();
        // Sign-in cookies, antiforgery tokens and protected secrets must survive a restart and read on every
        // instance, so their keys live in the database (KeyFolderImport brings in those of the old keys folder).
        services.AddDataProtection().SetApplicationName("Cadence.Cms").PersistKeysToDbContext<CadenceDb>();
        services.AddCadenceDatabase(builder.Configuration);
        services.AddProblemDetails();
        services.AddHealthEndpoints();
        // The document's server is the CMS's own address, never the request's Host header.
        services.AddOpenApi("v1", openApi => openApi.DescribeDelivery().AddDocumentTransformer((document, context, _) =>
        {
            document.Servers = [new() { Url = context.ApplicationServices.GetRequiredService<CmsAddress>().Value }];
            return Task.CompletedTask;
        }));

        services.AddAccounts();
        services.AddContent();
        services.AddDelivery();
        services.AddGhostContentApi();
        services.AddMedia(builder.Configuration);
        services.AddSeeding();
        services.AddMail(builder.Configuration);
        services.AddForms();
        services.AddWebhooks();
        services.AddManager();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePublicEdge();
        app.UseSecurityHeaders();
        app.UseCors();
        // Before sign-in and authorization, so a cached read costs its key check and lookup only; the cache checks the
        // key itself and lets only a valid content key near a stored answer (ContentVersionCache).
        app.UseContentVersionCache();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorRequirement();

        app.MapOpenApi("/openapi/{documentName}.json");
        // Everything the reference page loads comes from the CMS itself: no web fonts, telemetry or chat from elsewhere.
        app.MapScalarApiReference("/api/reference", options => options.WithTitle("Cadence delivery API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools());
        app.MapDelivery();
        app.MapGhostContentApi();
        app.MapMedia();
        app.MapImageVariants();
        app.MapForms();
        app.MapManager();
        app.MapGet("/", () => Results.Redirect(ManagerRoutes.Home)).ExcludeFromDescription();
        app.MapGet("/healthz", () => TypedResults.Ok("ok")).ExcludeFromDescription();
        app.MapHealthEndpoints();
        return app;
    }
}
