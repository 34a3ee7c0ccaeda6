using System.Text.Json;
using Cadence.Cms.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

public static class WebhookSetup
{
    public static IServiceCollection AddCadenceWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<ISiteChangeWriter, WebhookOutboxWriter>();
        services.AddSingleton<CommitSignal>();
        services.AddScoped<WebhookTargets>();
        services.AddScoped<DeliveryQueue>();
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

    public static void ConfigureWebhookModel(this ModelBuilder builder)
    {
        builder.Entity<WebhookEvent>();
        builder.Entity<WebhookEndpoint>(endpoint =>
        {
            endpoint.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            endpoint.Property(e => e.Events).HasConversion(StringList()).Metadata.SetValueComparer(StringListComparer());
        });
        builder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.HasIndex(d => new { d.Status, d.DueAt });
            delivery.HasIndex(d => d.EndpointKey);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.Events).HasConversion(StringList()).Metadata.SetValueComparer(StringListComparer());
            delivery.Property(d => d.Slugs).HasConversion(StringList()).Metadata.SetValueComparer(StringListComparer());
        });
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<string>, string> StringList() =>
        new(list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null), text => JsonSerializer.Deserialize<List<string>>(text, (JsonSerializerOptions?)null) ?? new List<string>());

    private static ValueComparer<List<string>> StringListComparer() =>
        new((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode())), list => list.ToList());
}
