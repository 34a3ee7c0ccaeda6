using System.Globalization;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

/// <summary>All posts, 25 a page, with search, filters and sorting carried in the query string (so links and Back work).</summary>
public sealed class PostsModel(CadenceDb db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Title, string Slug, PostStatus Status, bool InReview, DateTime? PublishedAt, DateTime UpdatedAt,
        string? Author, string? Category, IReadOnlyList<string> Tags, bool Editable);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "updated";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => new Paging(PageNumber, PageSize, Total).Pages;
    public IReadOnlyList<(string Slug, string Name)> TagChoices { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> CategoryChoices { get; private set; } = [];
    public bool OnlyMine => !EditingUser.Of(User).MayPublish;

    public static readonly (string Value, string Label)[] Sorts =
        [("updated", "Recently changed"), ("published", "Newest published"), ("title", "Title A–Z"), ("created", "Recently created")];
    public static readonly (string Value, string Label)[] Statuses =
        [("", "Any status"), ("draft", "Drafts"), ("review", "Waiting for review"), ("scheduled", "Scheduled"), ("published", "Published")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Posts.AsNoTracking().Where(p => p.DeletedAt == null && p.Kind == PostKind.Post);
        var user = EditingUser.Of(User);
        var me = user.Id;
        if (!user.MayPublish) query = query.Where(p => p.OwnerId == me);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + AsciiLower(Q.Trim()).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // LIKE ignores ASCII case on SQLite but not on PostgreSQL; lower() on both sides (ASCII only on both, as
            // text compares byte-wise there) gives one behaviour on either database.
#pragma warning disable CA1304, CA1311 // translated to SQL lower(); it never runs in .NET
            query = query.Where(p => EF.Functions.Like(p.Title.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }
        query = Status switch
        {
            "draft" => query.Where(p => p.Status == PostStatus.Draft),
            "review" => query.Where(p => p.Status == PostStatus.Draft && p.ReviewRequestedAt != null),
            "scheduled" => query.Where(p => p.Status == PostStatus.Scheduled),
            "published" => query.Where(p => p.Status == PostStatus.Published),
            _ => query,
        };
        if (!string.IsNullOrEmpty(Tag)) query = query.Where(p => p.Tags.Any(t => t.Slug == Tag));
        if (!string.IsNullOrEmpty(Category)) query = query.Where(p => p.Category!.Slug == Category);
        query = Sort switch
        {
            "published" => query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id),
            "title" => query.OrderBy(p => p.Title).ThenBy(p => p.Id),
            "created" => query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            _ => query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
        };

        Total = await query.CountAsync(cancellationToken);
        var paging = Paging.Clamped(PageNumber, PageSize, Total);
        PageNumber = paging.Page;
        var rows = await query.Page(paging)
            .Select(p => new
            {
                p.Id, p.Title, p.Slug, p.Status, p.ReviewRequestedAt, p.PublishedAt, p.UpdatedAt, p.OwnerId,
                Author = p.Author!.Name, Category = p.Category!.Name, Tags = p.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            }).ToListAsync(cancellationToken);
        Rows = rows.Select(p => new Row(p.Id, p.Title, p.Slug, p.Status, p.ReviewRequestedAt != null, p.PublishedAt, p.UpdatedAt,
            p.Author, p.Category, p.Tags, user.MayEdit(p.OwnerId, p.Status))).ToList();

        TagChoices = (await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken))
            .Select(t => (t.Slug, t.Name)).ToList();
        CategoryChoices = (await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Slug, c.Name)).ToList();
        return Page();
    }

    /// <summary>This list's address with one page number changed, keeping the filters.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Q, ["status"] = Status, ["tag"] = Tag, ["category"] = Category, ["sort"] = Sort, ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(ManagerRoutes.Posts, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static string AsciiLower(string text) => string.Concat(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c));
}
