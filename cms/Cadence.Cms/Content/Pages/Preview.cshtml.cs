using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

/// <summary>The fallback preview when no site preview server is configured: the body through the shared dialect.</summary>
public sealed class PreviewModel(CadenceDb db) : PageModel
{
    public Post Post { get; private set; } = null!;

    /// <summary>Sanitised by the dialect before it gets here.</summary>
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (post is null) return NotFound();
        if (!EditingUser.Of(User).MaySee(post)) return Forbid();
        Post = post;
        var forms = await db.Forms.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Title, cancellationToken);
        Html = EditPostModel.RenderPreview(post.Body, forms);
        return Page();
    }
}
