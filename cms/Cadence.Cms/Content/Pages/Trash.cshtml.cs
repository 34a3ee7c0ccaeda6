using System.Security.Claims;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

public sealed class TrashModel(CadenceDb db, PostWorkflow workflow) : PageModel
{
    public sealed record TrashedPost(int Id, string Title, DateTime? DeletedAt);

    public IReadOnlyList<TrashedPost> Trashed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Trashed = await Visible().OrderByDescending(p => p.DeletedAt)
            .Select(p => new TrashedPost(p.Id, p.Title, p.DeletedAt)).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(int postId, CancellationToken cancellationToken)
    {
        var post = await Visible().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null) return NotFound();
        workflow.Restore(post);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Notice($"“{post.Title}” is restored.");
        return Redirect(ManagerRoutes.Post(post.Id));
    }

    /// <summary>Editors see the whole trash; Authors only their own posts.</summary>
    private IQueryable<Post> Visible()
    {
        var trashed = db.Posts.Where(p => p.DeletedAt != null);
        if (PostEditing.CanPublish(User)) return trashed;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return trashed.Where(p => p.OwnerId == me);
    }
}
