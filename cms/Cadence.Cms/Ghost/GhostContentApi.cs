using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Delivery;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Ghost's Content API (v5, read-only) at <see cref="Prefix"/>, so Ghost front ends and Ghost's own clients can read
/// Cadence's published content: see docs/ghost-compatibility.md for what is and is not supported.
/// </summary>
public static class GhostContentApi
{
    public const string Prefix = "/ghost/api/content";
    public const string KeyScheme = "GhostContentKey";
    public const string KeyPolicy = "GhostContentKey";
    public const string CorsPolicy = "GhostContentApi";

    /// <summary>The version answered in <c>Content-Version</c>: the shapes are Ghost 5's, whatever version a client asks for.</summary>
    public const string Version = "v5.0";

    public static IServiceCollection AddGhostContentApi(this IServiceCollection services)
    {
        // Problem details (with Ghost's errors array) are written with the HTTP JSON options, so they learn Ghost's types too.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, GhostJson.Default));
        services.AddScoped<GhostMapping>();
        services.AddScoped<GhostPosts>();
        services.AddScoped<GhostTaxonomy>();

        // Ghost clients send the content key as ?key=; it is checked as the delivery API checks its Bearer key.
        services.AddAuthentication().AddScheme<ApiKeyOptions, ApiKeyAuthentication>(KeyScheme, key => key.QueryParameter = "key");
        services.AddAuthorizationBuilder().AddPolicy(KeyPolicy, policy => policy
            .AddAuthenticationSchemes(KeyScheme).RequireClaim(ApiKeyAuthentication.KindClaim));

        // Browsers read Ghost's Content API from any site; it is read-only, public content, and sends no cookies.
        services.Configure<CorsOptions>(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods("GET").AllowAnyHeader().WithExposedHeaders("Content-Version")));
        services.AddCors();

        services.AddProblemDetails(problems =>
        {
            var before = problems.CustomizeProblemDetails;
            problems.CustomizeProblemDetails = context =>
            {
                before?.Invoke(context);
                GhostProblems.AddGhostErrors(context);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapGhostContentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(KeyPolicy)
            .RequireCors(CorsPolicy)
            // The delivery API's cache (keyed by content version, never stale), checking the key as Ghost clients send it.
            .CacheByContentVersion(KeyScheme)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers["Content-Version"] = Version;
                return await next(context);
            });

        foreach (var kind in new[] { PostKind.Post, PostKind.Page })
        {
            var resource = kind == PostKind.Page ? "pages" : "posts";
            api.MapGet($"/{resource}/", (HttpRequest request, GhostPosts posts, CancellationToken ct) =>
                posts.BrowseAsync(kind, request.Query, ct));
            api.MapGet($"/{resource}/slug/{{slug}}/", (string slug, HttpRequest request, GhostPosts posts, CancellationToken ct) =>
                posts.ReadBySlugAsync(kind, slug, request.Query, ct));
            api.MapGet($"/{resource}/{{id}}/", (string id, HttpRequest request, GhostPosts posts, CancellationToken ct) =>
                posts.ReadByIdAsync(kind, id, request.Query, ct));
        }

        api.MapGet("/tags/", (HttpRequest request, GhostTaxonomy taxonomy, CancellationToken ct) =>
            taxonomy.TagsAsync(request.Query, null, null, ct));
        api.MapGet("/tags/slug/{slug}/", (string slug, HttpRequest request, GhostTaxonomy taxonomy, CancellationToken ct) =>
            taxonomy.TagsAsync(request.Query, t => t.Slug == slug, $"The tag '{slug}'", ct));
        // An id that is not a Ghost id of this kind reads as 0, which no row has: it is not found.
        api.MapGet("/tags/{id}/", (string id, HttpRequest request, GhostTaxonomy taxonomy, CancellationToken ct) =>
        {
            var tagId = GhostIds.Parse(GhostIds.Kind.Tag, id) ?? 0;
            return taxonomy.TagsAsync(request.Query, t => t.Id == tagId, $"The tag with id '{id}'", ct);
        });

        api.MapGet("/authors/", (HttpRequest request, GhostTaxonomy taxonomy, CancellationToken ct) =>
            taxonomy.AuthorsAsync(request.Query, null, null, ct));
        api.MapGet("/authors/slug/{slug}/", (string slug, HttpRequest request, GhostTaxonomy taxonomy, CancellationToken ct) =>
            taxonomy.AuthorsAsync(request.Query, a => a.Slug == slug, $"The author '{slug}'", ct));
        api.MapGet("/authors/{id}/", (string id, HttpRequest request, GhostTaxonomy taxonomy, CancellationToken ct) =>
        {
            var authorId = GhostIds.Parse(GhostIds.Kind.Author, id) ?? 0;
            return taxonomy.AuthorsAsync(request.Query, a => a.Id == authorId, $"The author with id '{id}'", ct);
        });

        api.MapGet("/settings/", GhostSettingsEndpoint.Get);
        return app;
    }
}
