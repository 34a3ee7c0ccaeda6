using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

public sealed class RevisionsModel(CadenceDb db, PostRevisions revisions, PostEditor editor) : PageModel
{
    public Post Post { get; private set; } = null!;
    public IReadOnlyList<PostRevision> All { get; private set; } = [];
    public PostRevision? Selected { get; private set; }
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];
    public bool CanRestore => EditingUser.Of(User).MayEdit(Post);

    public async Task<IActionResult> OnGetAsync(int id, int? revisionId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (post is null) return NotFound();
        Post = post;
        if (!EditingUser.Of(User).MaySee(post)) return Forbid();
        All = await revisions.ListAsync(id, cancellationToken);
        Selected = revisionId is null ? (All is [_, var previous, ..] ? previous : All is [var only] ? only : null) : All.FirstOrDefault(r => r.Id == revisionId);
        if (revisionId is not null && Selected is null) return NotFound();
        if (Selected is not null) Diff = LineDiff.Compare(Selected.Body, post.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int? revisionId, CancellationToken cancellationToken)
    {
        if (revisionId is null) return NotFound();
        var restored = await editor.RestoreRevisionAsync(id, revisionId.Value, EditingUser.Of(User), cancellationToken);
        if (restored.Outcome == PostEditOutcome.Forbidden) return Forbid();
        if (restored.Outcome != PostEditOutcome.Done) return NotFound();
        TempData.Notice("The revision is restored, and kept as a new revision. Earlier revisions are still there.");
        return Redirect(ManagerRoutes.Post(id));
    }
}
