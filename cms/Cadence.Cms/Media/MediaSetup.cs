namespace Cadence.Cms.Media;

public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUsage>();
        services.AddSingleton<ImageVariantSignal>();
        services.AddSingleton<ImageVariantMaker>();
        services.AddHostedService(provider => provider.GetRequiredService<ImageVariantMaker>());
        return services;
    }
}
