using Cadence.Cms.Content;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>The query string of <c>GET /api/v1/posts</c>, checked: every problem is named by its parameter.</summary>
public sealed record PostQuery(int Page, int Limit, string? Tag, string? Category, string? Author, string Order, bool IncludeBody, PostStatus[] Statuses)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public static readonly string[] Orders = ["published-desc", "published-asc", "updated-desc", "title-asc"];
    private static readonly PostStatus[] LiveOnly = [PostStatus.Published];

    public static (PostQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query, bool preview)
    {
        var errors = new Dictionary<string, string[]>();
        var page = Number(query, "page", 1, 1, int.MaxValue, errors);
        var limit = Number(query, "limit", DefaultLimit, 1, MaxLimit, errors);

        var order = query["order"].ToString() is { Length: > 0 } o ? o : Orders[0];
        if (!Orders.Contains(order)) errors["order"] = [$"Use one of {string.Join(", ", Orders)}."];

        var include = query["include"].ToString();
        if (include.Length > 0 && include != "body") errors["include"] = ["The only include is 'body'."];

        var statuses = LiveOnly;
        var status = query["status"].ToString();
        if (status.Length > 0)
        {
            if (!preview) errors["status"] = ["Only the preview key can ask for drafts or scheduled posts."];
            else if (status == "all") statuses = Enum.GetValues<PostStatus>();
            else if (Enum.TryParse<PostStatus>(status, ignoreCase: true, out var one) && status.All(char.IsAsciiLetterLower)) statuses = [one];
            else errors["status"] = ["Use published, draft, scheduled or all."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PostQuery(page, limit, Term(query, "tag"), Term(query, "category"), Term(query, "author"), order, include == "body", statuses), errors);
    }

    /// <summary>The posts (never pages: <see cref="PageRules"/>) this query asks for, in its order.</summary>
    public IQueryable<Post> Apply(IQueryable<Post> posts) => Apply(posts, PostKind.Post);

    /// <summary>Whether the query asks for live posts only (what the content key sees).</summary>
    public bool IsLiveOnly => Statuses is [PostStatus.Published];

    public IQueryable<Post> Apply(IQueryable<Post> posts, PostKind kind)
    {
        posts = posts.Where(p => p.Kind == kind);
        var statuses = Statuses;
        posts = IsLiveOnly ? posts.WhereLive() : posts.Where(p => p.DeletedAt == null && statuses.Contains(p.Status));
        if (Tag is not null) posts = posts.Where(p => p.Tags.Any(t => t.Slug == Tag));
        if (Category is not null) posts = posts.Where(p => p.Category!.Slug == Category);
        if (Author is not null) posts = posts.Where(p => p.Author!.Slug == Author);
        return Order switch
        {
            "published-asc" => posts.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id),
            "updated-desc" => posts.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
            "title-asc" => posts.OrderBy(p => p.Title).ThenBy(p => p.Id),
            _ => posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id),
        };
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return fallback;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, null, out var value) && value >= min && value <= max) return value;
        errors[name] = [max == int.MaxValue ? $"Use a whole number from {min}." : $"Use a whole number from {min} to {max}."];
        return fallback;
    }

    private static string? Term(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } v ? v : null;
}
