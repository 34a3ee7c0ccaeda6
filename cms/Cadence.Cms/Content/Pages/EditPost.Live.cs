using System.Net;
using Cadence.Markdown.Dialect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

/// <summary>The editor's two script-only answers: autosave and the live preview. Both need the antiforgery token.</summary>
public sealed partial class EditPostModel
{
    public sealed record AutosaveAnswer(int Id, string Url, string Slug, string SavedAt, bool Live);

    /// <summary>
    /// A draft saves as it is (fields that do not pass the checks keep their stored values); a live post must not
    /// change on the site while someone types, so its text goes into a revision only.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        var input = Input();
        if (string.IsNullOrWhiteSpace(input.Title)) input = input with { Title = string.IsNullOrWhiteSpace(Post.Title) ? "Untitled draft" : Post.Title };
        var problems = await editing.CheckAsync(input, cancellationToken);
        input = input with
        {
            Title = problems.ContainsKey("Title") ? (Post.Title.Length > 0 ? Post.Title : "Untitled draft") : input.Title,
            Slug = problems.ContainsKey("Slug") ? Post.Slug : input.Slug,
            Excerpt = problems.ContainsKey("Excerpt") ? Post.Excerpt : input.Excerpt,
            Image = problems.ContainsKey("Image") || problems.ContainsKey("ImageAlt") ? Post.Image : input.Image,
            ImageAlt = problems.ContainsKey("Image") || problems.ContainsKey("ImageAlt") ? Post.ImageAlt : input.ImageAlt,
            SeoTitle = problems.ContainsKey("SeoTitle") ? Post.SeoTitle : input.SeoTitle,
            SeoDescription = problems.ContainsKey("SeoDescription") ? Post.SeoDescription : input.SeoDescription,
            CategoryId = problems.ContainsKey("CategoryId") ? Post.CategoryId : input.CategoryId,
            AuthorId = problems.ContainsKey("AuthorId") ? Post.AuthorId : input.AuthorId,
        };

        var live = Post.Status != PostStatus.Draft;
        if (live)
        {
            await revisions.KeepAsync(Post, input.Title.Trim(), input.Slug ?? Post.Slug, input.Body.Replace("\r\n", "\n"), input.Excerpt, UserName, autosave: true, cancellationToken);
        }
        else
        {
            try
            {
                await editing.ApplyAsync(Post, input, clock.UtcNow, cancellationToken);
            }
            catch (ContentRuleException) // a slug someone else holds: keep the old one, save the rest
            {
                await editing.ApplyAsync(Post, input with { Slug = Post.Id == 0 ? null : Post.Slug }, clock.UtcNow, cancellationToken);
            }
            await revisions.KeepAsync(Post, UserName, autosave: true, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        var at = await clock.FormatAsync(clock.UtcNow);
        return new JsonResult(new AutosaveAnswer(Post.Id, $"/manager/posts/{Post.Id}", Post.Slug, at, live));
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
