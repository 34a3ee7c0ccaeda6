using Cadence.Cms.Accounts;
using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace Cadence.Cms.Manager;

/// <summary>
/// The manager: Razor Pages kept in each feature's Pages folder, every page behind the Staff policy unless it
/// says otherwise ([AllowAnonymous] for signing in, stricter policies on admin pages).
/// </summary>
public static class ManagerSetup
{
    public static IServiceCollection AddManager(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Pages sit beside the feature they manage (Content/Pages, Media/Pages…), so the root is the project.
            options.RootDirectory = "/";
            options.Conventions.AuthorizeFolder("/", ManagerPolicies.Staff);
            options.Conventions.AddPageRoute("/Content/Pages/EditPost", "manager/posts/new");
            options.Conventions.AddPageRoute("/Content/Pages/EditPost", "manager/pages/new");
            options.Conventions.AddPageRoute("/Forms/Pages/EditForm", "manager/forms/new");
        }).ConfigureApplicationPartManager(parts =>
        {
            // Pages are found in the entry assembly; when a test host starts the CMS in-process, that is not this one.
            var assembly = typeof(ManagerSetup).Assembly;
            if (parts.ApplicationParts.Any(p => p.Name == assembly.GetName().Name)) return;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                parts.ApplicationParts.Add(part);
        });
        // Forms say for themselves which fields are required, in words a person understands.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddValidatedOptions<ManagerOptions>(ManagerOptions.Section);
        services.AddScoped<ManagerClock>();
        return services;
    }

    public static WebApplication MapManager(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        return app;
    }
}
