using Cadence.Cms.Hosting;
using Cadence.Cms.Media.Store;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Media;

public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MediaOptions>(MediaOptions.Section);
        services.AddSingleton<IMediaStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;
            return options.UsesS3
                ? new S3MediaStore(options.S3)
                : new FolderMediaStore(Path.GetFullPath(options.FolderPath, CadenceOptions.DataFolder(configuration)));
        });
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUsage>();
        services.AddScoped<LegacyBlobMove>();
        services.AddSingleton<ImageVariantSignal>();
        services.AddSingleton<ImageVariantMaker>();
        services.AddHostedService(provider => provider.GetRequiredService<ImageVariantMaker>());
        return services;
    }
}
