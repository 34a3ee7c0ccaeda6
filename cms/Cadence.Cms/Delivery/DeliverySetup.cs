namespace Cadence.Cms.Delivery;

public static class DeliverySetup
{
    /// <summary>The read API's JSON (generated, first in the chain) and its mapping from posts.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DeliveryJson.Default));
        services.AddScoped<PostMapping>();
        services.AddSingleton<MarkdownFactsCache>();
        return services;
    }
}
