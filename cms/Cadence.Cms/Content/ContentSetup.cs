using Cadence.Cms.Hosting;

namespace Cadence.Cms.Content;

public static class ContentSetup
{
    /// <summary>Posts, their revisions and taxonomy, scheduled publishing, and the changes feed's recorder.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        services.AddSingleton<ContentChangeRecorder>();
        services.AddScoped<PostWorkflow>();
        services.AddScoped<AuthorProfiles>();
        services.AddScoped<PostRevisions>();
        services.AddScoped<PostEditing>();
        services.AddScoped<TaxonomyEditing>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
