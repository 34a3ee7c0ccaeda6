namespace Cadence.Cms.Delivery;

public static class DeliverySetup
{
    /// <summary>The read API's JSON (generated, first in the chain), its mapping from posts, the content version and its cache.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, DeliveryJson.Default);
            // Numbers are numbers: the web defaults also read "5" as 5, which the OpenAPI document then types integer-or-string.
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddScoped<PostMapping>();
        services.AddSingleton<MarkdownFactsCache>();
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<ContentVersionCache>();
        return services;
    }
}
