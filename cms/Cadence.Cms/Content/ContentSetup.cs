using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadence.Cms.Content;

public static class ContentSetup
{
    /// <summary>Posts, their revisions and taxonomy, scheduled publishing, and the changes feed's recorder.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        // One interceptor works out what each save means for the site; the writers (changes feed here, webhook outbox
        // in Webhooks) record it in the same transaction. Data picks interceptors up without knowing the features.
        services.AddSingleton<SiteChangeRecorder>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<SiteChangeRecorder>());
        services.AddSingleton<ISiteChangeWriter, ChangesFeedWriter>();
        services.AddScoped<PostWorkflow>();
        services.AddScoped<AuthorProfiles>();
        services.AddScoped<PostRevisions>();
        services.AddScoped<PostEditing>();
        services.AddScoped<PostEditor>();
        services.AddScoped<PostAddress>();
        services.AddSingleton<EditorPresence>();
        services.AddScoped<ReviewRequestMail>();
        services.AddScoped<TaxonomyEditing>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
