using Cadence.Cms.Content;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

public static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<ISiteChangeWriter, WebhookOutboxWriter>();
        services.AddSingleton<CommitSignal>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<CommitSignal>());
        services.AddScoped<WebhookTargets>();
        services.AddScoped<DeliveryQueue>();
        services.AddScoped<SiteUpdates>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
                return GuardedConnections.Handler(() => options.CurrentValue.AllowPrivateTargets);
            });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
