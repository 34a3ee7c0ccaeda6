using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Manager;

public sealed class DashboardModel(CadenceDb db, ManagerClock clock) : PageModel
{
    public sealed record PostLink(int Id, string Title, DateTime? PublishedAt);

    public int Drafts { get; private set; }
    public int Scheduled { get; private set; }
    public int Published { get; private set; }
    public int AwaitingReview { get; private set; }
    public bool CanReview { get; private set; }
    public PostLink? LastPublished { get; private set; }
    public PostLink? NextScheduled { get; private set; }
    public DateTime? LastChangeAt { get; private set; }
    public string? LastChangeSlug { get; private set; }
    public IReadOnlyList<string> Submissions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var live = db.Posts.AsNoTracking().Where(p => p.DeletedAt == null);
        var counts = await live.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Drafts = counts.FirstOrDefault(c => c.Key == PostStatus.Draft)?.Count ?? 0;
        Scheduled = counts.FirstOrDefault(c => c.Key == PostStatus.Scheduled)?.Count ?? 0;
        Published = counts.FirstOrDefault(c => c.Key == PostStatus.Published)?.Count ?? 0;
        CanReview = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Editor);
        AwaitingReview = await live.CountAsync(p => p.ReviewRequestedAt != null && p.Status == PostStatus.Draft, cancellationToken);

        LastPublished = await live.Where(p => p.Status == PostStatus.Published).OrderByDescending(p => p.PublishedAt)
            .Select(p => new PostLink(p.Id, p.Title, p.PublishedAt)).FirstOrDefaultAsync(cancellationToken);
        var now = clock.UtcNow;
        NextScheduled = await live.Where(p => p.Status == PostStatus.Scheduled && p.PublishedAt > now).OrderBy(p => p.PublishedAt)
            .Select(p => new PostLink(p.Id, p.Title, p.PublishedAt)).FirstOrDefaultAsync(cancellationToken);
        var change = await db.ContentChanges.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        LastChangeAt = change?.At;
        LastChangeSlug = change?.Slug;
    }
}
