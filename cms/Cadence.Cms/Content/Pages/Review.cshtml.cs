using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class ReviewModel(CadenceDb db) : PageModel
{
    public sealed record WaitingPost(int Id, string Title, string? Author, DateTime? RequestedAt);

    public IReadOnlyList<WaitingPost> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Waiting = await db.Posts.AsNoTracking()
            .Where(p => p.DeletedAt == null && p.Status == PostStatus.Draft && p.ReviewRequestedAt != null)
            .OrderBy(p => p.ReviewRequestedAt)
            // The byline when there is one, else the person who wrote the draft.
            .Select(p => new WaitingPost(p.Id, p.Title,
                p.Author!.Name ?? db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
                p.ReviewRequestedAt)).ToListAsync(cancellationToken);
}
