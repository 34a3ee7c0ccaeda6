using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content.Pages;

[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class TaxonomyModel(CadenceDb db, TaxonomyEditing editing) : PageModel
{
    public sealed record Term(int Id, string Name, string Slug, int Posts);

    public IReadOnlyList<Term> Tags { get; private set; } = [];
    public IReadOnlyList<Term> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(TermKind kind, int id, string name, CancellationToken cancellationToken) =>
        RunAsync(() => editing.RenameAsync(kind, id, name ?? "", cancellationToken), $"Renamed to {name}.", cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(TermKind kind, int id, int into, CancellationToken cancellationToken) =>
        RunAsync(() => editing.MergeAsync(kind, id, into, cancellationToken), "Merged: the posts moved over.", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(TermKind kind, int id, CancellationToken cancellationToken) =>
        RunAsync(() => editing.DeleteAsync(kind, id, cancellationToken), kind == TermKind.Tag ? "Tag deleted." : "Category deleted.", cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(() => editing.CreateCategoryAsync(name ?? "", cancellationToken), $"Category {name} added.", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            TempData.Notice(notice);
            return Redirect(ManagerRoutes.Taxonomy);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ContentRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Term(t.Id, t.Name, t.Slug, t.Posts.Count(p => p.DeletedAt == null))).ToListAsync(cancellationToken);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new Term(c.Id, c.Name, c.Slug, c.Posts.Count(p => p.DeletedAt == null))).ToListAsync(cancellationToken);
    }
}
