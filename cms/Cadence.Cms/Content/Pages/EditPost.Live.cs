using System.Net;
using Cadence.Markdown.Dialect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

/// <summary>The editor's two script-only answers: autosave and the live preview. Both need the antiforgery token.</summary>
public sealed partial class EditPostModel
{
    public sealed record AutosaveAnswer(int Id, string Url, string Slug, string SavedAt, bool Live);

    /// <summary>A 409 answer: nothing was saved because the stored post is newer than the page.</summary>
    public sealed record AutosaveRefusal(string Message, int Version);

    /// <summary>Saves what is typed without leaving the page; see <see cref="PostEditor.AutosaveAsync"/> for what that means for a live post.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken cancellationToken)
    {
        var saved = await editor.AutosaveAsync(id, NewKind, Input(), Editor, Base(), cancellationToken);
        if (Refusal(saved) is { } refusal) return refusal;
        var post = saved.Post!;
        presence.Touch(post.Id, Editor);
        if (saved.Outcome == PostEditOutcome.Conflict)
            return new JsonResult(new AutosaveRefusal(StaleMessage, post.Version)) { StatusCode = StatusCodes.Status409Conflict };
        var at = await clock.FormatAsync(clock.UtcNow);
        return new JsonResult(new AutosaveAnswer(post.Id, ManagerRoutes.Post(post.Id), post.Slug, at, saved.KeptAsRevisionOnly));
    }

    /// <summary>The body as HTML through the shared dialect, for the preview pane; form directives show as labelled boxes.</summary>
    public async Task<IActionResult> OnPostRenderAsync(CancellationToken cancellationToken)
    {
        var forms = await db.Forms.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Title, cancellationToken);
        return Content(RenderPreview(Body ?? "", forms), "text/html; charset=utf-8");
    }

    public static string RenderPreview(string markdown, IReadOnlyDictionary<string, string> forms) =>
        MarkdownDialect.Render(markdown, key => forms.TryGetValue(key, out var title)
            ? $"<aside class=\"cta-preview\"><strong>Call to action:</strong> {WebUtility.HtmlEncode(title)} <code>{WebUtility.HtmlEncode(key)}</code></aside>"
            : $"<aside class=\"cta-preview missing\"><strong>Unknown form</strong> <code>{WebUtility.HtmlEncode(key)}</code>: check the key.</aside>").Html;
}
