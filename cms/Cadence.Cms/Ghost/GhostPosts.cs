using System.Linq.Expressions;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Ghost's posts and pages: Cadence's live posts of either kind (<see cref="LivePosts"/>: never drafts, scheduled or
/// trashed posts, whatever the filter says), browsed or read by id or slug.
/// </summary>
public sealed class GhostPosts(CadenceDb db, GhostMapping mapping, PostAddress address, CmsAddress cms)
{
    public static readonly GhostFields<Post> Fields = new GhostFields<Post>()
        .Match("tag", InTags).Match("tags", InTags)
        .Match("author", ByAuthors).Match("authors", ByAuthors)
        .Match("primary_author", ByAuthors)
        .Match("slug", slugs => { var list = slugs.ToList(); return p => list.Contains(p.Slug); })
        .Match("id", ids => { var list = ids.Select(id => GhostIds.Parse(GhostIds.Kind.Post, id)).OfType<int>().ToList(); return p => list.Contains(p.Id); })
        .Match("visibility", values => values.Contains("public") ? p => true : p => false)
        .Flag("featured", p => p.Featured)
        .Date("published_at", p => p.PublishedAt).Date("updated_at", p => p.UpdatedAt).Date("created_at", p => p.CreatedAt)
        .Orderable("published_at", p => p.PublishedAt).Orderable("updated_at", p => p.UpdatedAt).Orderable("created_at", p => p.CreatedAt)
        .Orderable("title", p => p.Title).Orderable("slug", p => p.Slug).Orderable("id", p => p.Id);

    public async Task<IResult> BrowseAsync(PostKind kind, IQueryCollection parameters, CancellationToken cancellationToken)
    {
        var (query, problem) = GhostQuery.Parse(parameters, Fields, "published_at desc");
        if (query is null) return problem!;

        var rows = query.Filtered(Live(kind));
        var total = await rows.CountAsync(cancellationToken);
        var (page, pagination) = query.Paged(rows, Fields, total);
        var posts = await WithRelations(page, query.Shape).ToListAsync(cancellationToken);
        var links = await LinksAsync(cancellationToken);
        return GhostResponse.List(Resource(kind), posts.Select(p => mapping.Post(p, links, query.Shape.WantsFormat("plaintext"))),
            GhostJson.Default.GhostPost, query.Shape, pagination);
    }

    public Task<IResult> ReadByIdAsync(PostKind kind, string id, IQueryCollection parameters, CancellationToken cancellationToken) =>
        GhostIds.Parse(GhostIds.Kind.Post, id) is { } cadenceId
            ? ReadAsync(kind, p => p.Id == cadenceId, $"The {kind.ToString().ToLowerInvariant()} with id '{id}'", parameters, cancellationToken)
            : Task.FromResult<IResult>(GhostProblems.NotFound($"The {kind.ToString().ToLowerInvariant()} with id '{id}'"));

    public Task<IResult> ReadBySlugAsync(PostKind kind, string slug, IQueryCollection parameters, CancellationToken cancellationToken) =>
        ReadAsync(kind, p => p.Slug == slug, $"The {kind.ToString().ToLowerInvariant()} '{slug}'", parameters, cancellationToken);

    private async Task<IResult> ReadAsync(
        PostKind kind, Expression<Func<Post, bool>> which, string what, IQueryCollection parameters, CancellationToken cancellationToken)
    {
        var (query, problem) = GhostQuery.Parse(parameters, Fields, "published_at desc");
        if (query is null) return problem!;
        var post = await WithRelations(Live(kind).Where(which), query.Shape).SingleOrDefaultAsync(cancellationToken);
        if (post is null) return GhostProblems.NotFound(what);
        var links = await LinksAsync(cancellationToken);
        return GhostResponse.One(Resource(kind), mapping.Post(post, links, query.Shape.WantsFormat("plaintext")), GhostJson.Default.GhostPost, query.Shape);
    }

    private IQueryable<Post> Live(PostKind kind) => db.Posts.AsNoTracking().WhereLive().Where(p => p.Kind == kind);

    private static IQueryable<Post> WithRelations(IQueryable<Post> posts, GhostShape shape)
    {
        if (shape.Includes("tags")) posts = posts.Include(p => p.Tags);
        if (shape.Includes("authors")) posts = posts.Include(p => p.Author);
        return posts.AsSplitQuery();
    }

    private async Task<GhostLinks> LinksAsync(CancellationToken cancellationToken) => new(await address.SiteAsync(cancellationToken), cms.Value);

    private static string Resource(PostKind kind) => kind == PostKind.Page ? "pages" : "posts";

    private static Expression<Func<Post, bool>> InTags(IReadOnlyList<string> slugs)
    {
        var list = slugs.ToList();
        return p => p.Tags.Any(t => list.Contains(t.Slug));
    }

    private static Expression<Func<Post, bool>> ByAuthors(IReadOnlyList<string> slugs)
    {
        var list = slugs.ToList();
        return p => p.Author != null && list.Contains(p.Author.Slug);
    }
}
