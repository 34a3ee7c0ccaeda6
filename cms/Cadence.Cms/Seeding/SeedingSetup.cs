namespace Cadence.Cms.Seeding;

public static class SeedingSetup
{
    /// <summary>Import of a content folder into an empty database, and export back to one.</summary>
    public static IServiceCollection AddSeeding(this IServiceCollection services)
    {
        services.AddScoped<ContentImporter>();
        services.AddSingleton<ImportReport>();
        services.AddScoped<ContentExporter>();
        return services;
    }
}
