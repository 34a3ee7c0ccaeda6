using Cadence.Cms.Accounts;

namespace Cadence.Cms.Delivery;

/// <summary>The read-only delivery API at /api/v1, for static-site builds and other front ends.</summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyAuthentication.ContentPolicy)
            .CacheByContentVersion(ApiKeyAuthentication.SchemeName)
            .WithTags("Delivery")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/site", SiteEndpoint.Get).WithName("GetSite").Produces<SiteDto>().WithSummary("Site settings");
        api.MapGet("/posts", PostEndpoints.List).WithName("ListPosts").Produces<PostPageDto>()
            .WithSummary("Published posts, newest first, paged");
        api.MapGet("/posts/{slug}", PostEndpoints.Get).WithName("GetPost").Produces<PostDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One post, with its Markdown body");
        api.MapGet("/pages", PageEndpoints.List).WithName("ListPages").Produces<PageListDto>()
            .WithSummary("Published pages (About, Contact…), paged")
            .WithDescription("Posts never appear here, nor pages under /posts.");
        api.MapGet("/pages/{slug}", PageEndpoints.Get).WithName("GetPage").Produces<PageDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One page, with its Markdown body; it lives on the site at /{slug}/");
        api.MapGet("/tags", TaxonomyEndpoints.Tags).WithName("ListTags").Produces<ItemsDto<TermCountDto>>().WithSummary("Tags with published-post counts");
        api.MapGet("/categories", TaxonomyEndpoints.Categories).WithName("ListCategories").Produces<ItemsDto<TermCountDto>>().WithSummary("Categories with published-post counts");
        api.MapGet("/authors", TaxonomyEndpoints.Authors).WithName("ListAuthors").Produces<ItemsDto<AuthorDto>>().WithSummary("Authors");
        api.MapGet("/forms", FormsEndpoint.List).WithName("ListForms").Produces<ItemsDto<FormDto>>().WithSummary("Form definitions, for rendering calls to action");
        api.MapGet("/images", ImageVariants.List).WithName("ListImages").Produces<ItemsDto<MediaImageDto>>().WithSummary("Public images with their responsive variants");
        api.MapGet("/redirects", RedirectsEndpoint.List).WithName("ListRedirects").Produces<ItemsDto<RedirectDto>>().WithSummary("Old slugs of renamed posts");
        api.MapGet("/changes", ChangesEndpoint.Get).WithName("GetChanges").Produces<ChangesDto>()
            .WithSummary("What changed since a cursor, for incremental builds, in pages");
        return app;
    }

    public static IResult BadParameter(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, title: $"The parameter '{name}' is not valid.");

    public static IResult NotFound(string what) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");
}
