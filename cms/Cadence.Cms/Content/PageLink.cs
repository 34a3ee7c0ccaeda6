using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>A page as something to link to (from the site's navigation): its title and its address on the site.</summary>
public sealed record PageLink(int Id, string Title, string Path, bool Live)
{
    /// <summary>Every page not in the trash, by title.</summary>
    public static async Task<IReadOnlyList<PageLink>> AllAsync(CadenceDb db, CancellationToken cancellationToken = default)
    {
        var pages = await db.Posts.AsNoTracking().Where(p => p.Kind == PostKind.Page && p.DeletedAt == null)
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.Slug, p.Status }).ToListAsync(cancellationToken);
        return pages.Select(p => new PageLink(p.Id, p.Title, PostAddress.PathOf(PostKind.Page, p.Slug), p.Status == PostStatus.Published)).ToList();
    }
}
