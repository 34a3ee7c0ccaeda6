using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

public sealed class RevisionsModel(CadenceDb db, PostRevisions revisions) : PageModel
{
    public Post Post { get; private set; } = null!;
    public IReadOnlyList<PostRevision> All { get; private set; } = [];
    public PostRevision? Selected { get; private set; }
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];
    public bool CanRestore => PostEditing.CanEdit(User, Post);

    public async Task<IActionResult> OnGetAsync(int id, int? revisionId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (post is null) return NotFound();
        Post = post;
        if (!PostEditing.CanPublish(User) && post.OwnerId != User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value) return Forbid();
        All = await revisions.ListAsync(id, cancellationToken);
        Selected = revisionId is null ? All.Skip(1).FirstOrDefault() ?? All.FirstOrDefault() : All.FirstOrDefault(r => r.Id == revisionId);
        if (revisionId is not null && Selected is null) return NotFound();
        if (Selected is not null) Diff = LineDiff.Compare(Selected.Body, post.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int? revisionId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (post is null || revisionId is null) return NotFound();
        Post = post;
        if (!CanRestore) return Forbid();
        var revision = await revisions.FindAsync(id, revisionId.Value, cancellationToken);
        if (revision is null) return NotFound();
        var name = User.FindFirst(Accounts.CadenceClaims.DisplayName)?.Value ?? User.Identity!.Name!;
        await revisions.RestoreAsync(post, revision, name, cancellationToken);
        TempData.Notice("The revision is restored, and kept as a new revision. Earlier revisions are still there.");
        return Redirect(ManagerRoutes.Post(id));
    }
}
