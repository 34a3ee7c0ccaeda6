using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Content.Pages;

/// <summary>The site's pages (About, Contact, Privacy…): few, so one list by title with each page's address.</summary>
public sealed class PageListModel(CadenceDb db, PostAddress addresses) : PageModel
{
    public sealed record Row(int Id, string Title, string Path, PostStatus Status, bool InReview, DateTime UpdatedAt, bool Editable);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string SiteUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = EditingUser.Of(User);
        var me = user.Id;
        var query = db.Posts.AsNoTracking().Where(p => p.DeletedAt == null && p.Kind == PostKind.Page);
        if (!user.MayPublish) query = query.Where(p => p.OwnerId == me);
        var rows = await query.OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Slug, p.Status, p.ReviewRequestedAt, p.UpdatedAt, p.OwnerId })
            .ToListAsync(cancellationToken);
        Rows = rows.Select(p => new Row(p.Id, p.Title, PostAddress.PathOf(PostKind.Page, p.Slug), p.Status, p.ReviewRequestedAt != null,
            p.UpdatedAt, user.MayEdit(p.OwnerId, p.Status))).ToList();
        SiteUrl = await addresses.SiteAsync(cancellationToken);
    }
}
