using System.Linq.Expressions;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Ghost's tags and authors. Only those with at least one live post are listed (as Ghost lists authors), so a tag or
/// author used only by drafts does not give the drafts away; <c>count.posts</c> counts live posts.
/// </summary>
public sealed class GhostTaxonomy(CadenceDb db, PostAddress address, CmsAddress cms)
{
    public static readonly GhostFields<Tag> TagFields = new GhostFields<Tag>()
        .Match("slug", slugs => { var list = slugs.ToList(); return t => list.Contains(t.Slug); })
        .Match("name", names => { var list = names.ToList(); return t => list.Contains(t.Name); })
        .Match("id", ids => { var list = Ids(GhostIds.Kind.Tag, ids); return t => list.Contains(t.Id); })
        .Match("visibility", values => values.Contains("public") ? t => true : t => false)
        .Orderable("name", t => t.Name).Orderable("slug", t => t.Slug).Orderable("id", t => t.Id);

    public static readonly GhostFields<Author> AuthorFields = new GhostFields<Author>()
        .Match("slug", slugs => { var list = slugs.ToList(); return a => list.Contains(a.Slug); })
        .Match("name", names => { var list = names.ToList(); return a => list.Contains(a.Name); })
        .Match("id", ids => { var list = Ids(GhostIds.Kind.Author, ids); return a => list.Contains(a.Id); })
        .Match("visibility", values => values.Contains("public") ? a => true : a => false)
        .Orderable("name", a => a.Name).Orderable("slug", a => a.Slug).Orderable("id", a => a.Id);

    private sealed record Counted<T>(T Row, int Posts);

    public async Task<IResult> TagsAsync(IQueryCollection parameters, Expression<Func<Tag, bool>>? which, string? what, CancellationToken cancellationToken)
    {
        var (query, problem) = GhostQuery.Parse(parameters, TagFields, "name asc");
        if (query is null) return problem!;
        var rows = query.Filtered(db.Tags.AsNoTracking().Where(t => t.LivePostCount > 0));
        if (which is not null) rows = rows.Where(which);
        return await AnswerAsync("tags", rows, TagFields, query, what,
            page => page.Select(t => new Counted<Tag>(t, t.LivePostCount)),
            (c, links, counted) => GhostMapping.Tag(c.Row, links, counted ? c.Posts : null), GhostJson.Default.GhostTag, cancellationToken);
    }

    public async Task<IResult> AuthorsAsync(IQueryCollection parameters, Expression<Func<Author, bool>>? which, string? what, CancellationToken cancellationToken)
    {
        var (query, problem) = GhostQuery.Parse(parameters, AuthorFields, "name asc");
        if (query is null) return problem!;
        var live = db.Posts.WhereLive();
        var rows = query.Filtered(db.Authors.AsNoTracking().Where(a => live.Any(p => p.AuthorId == a.Id)));
        if (which is not null) rows = rows.Where(which);
        return await AnswerAsync("authors", rows, AuthorFields, query, what,
            page => page.Select(a => new Counted<Author>(a, live.Count(p => p.AuthorId == a.Id))),
            (c, links, counted) => GhostMapping.Author(c.Row, links, counted ? c.Posts : null), GhostJson.Default.GhostAuthor, cancellationToken);
    }

    /// <summary>A list when <paramref name="what"/> is null, else the one row it names (404 when there is none).</summary>
    private async Task<IResult> AnswerAsync<T, TOut>(
        string resource, IQueryable<T> rows, GhostFields<T> fields, GhostQuery<T> query, string? what,
        Func<IQueryable<T>, IQueryable<Counted<T>>> withCounts, Func<Counted<T>, GhostLinks, bool, TOut> map,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TOut> type, CancellationToken cancellationToken)
    {
        var links = new GhostLinks(await address.SiteAsync(cancellationToken), cms.Value);
        var counted = query.Shape.Includes("count.posts");
        if (what is not null)
        {
            var one = await withCounts(rows).SingleOrDefaultAsync(cancellationToken);
            return one is null ? GhostProblems.NotFound(what) : GhostResponse.One(resource, map(one, links, counted), type, query.Shape);
        }
        var total = await rows.CountAsync(cancellationToken);
        var (page, pagination) = query.Paged(rows, fields, total);
        var items = await withCounts(page).ToListAsync(cancellationToken);
        return GhostResponse.List(resource, items.Select(c => map(c, links, counted)), type, query.Shape, pagination);
    }

    private static List<int> Ids(GhostIds.Kind kind, IReadOnlyList<string> ids) => ids.Select(id => GhostIds.Parse(kind, id)).OfType<int>().ToList();
}
