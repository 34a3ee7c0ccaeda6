using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

public sealed class TrashModel(CadenceDb db, PostEditor editor) : PageModel
{
    public sealed record TrashedPost(int Id, string Title, DateTime? DeletedAt);

    public IReadOnlyList<TrashedPost> Trashed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Trashed = await Visible().OrderByDescending(p => p.DeletedAt)
            .Select(p => new TrashedPost(p.Id, p.Title, p.DeletedAt)).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(int postId, CancellationToken cancellationToken)
    {
        var restored = await editor.RestoreAsync(postId, EditingUser.Of(User), cancellationToken);
        if (restored.Post is not { } post) return NotFound();
        TempData.Notice(post.Status == PostStatus.Draft ? $"“{post.Title}” is restored as a draft." : $"“{post.Title}” is restored.");
        return Redirect(ManagerRoutes.Post(post.Id));
    }

    /// <summary>Editors see the whole trash; Authors only their own posts.</summary>
    private IQueryable<Post> Visible()
    {
        var trashed = db.Posts.Where(p => p.DeletedAt != null);
        var user = EditingUser.Of(User);
        if (user.MayPublish) return trashed;
        var me = user.Id;
        return trashed.Where(p => p.OwnerId == me);
    }
}
