using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Forms.Pages;

/// <summary>One submission, every field shown as text. Opening it marks it read; buttons move it or mark it unread.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class SubmissionDetailModel(InboxQueries inbox, FormsCatalog catalog) : PageModel
{
    public Submission Submission { get; private set; } = null!;
    public FormDefinition? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await inbox.FindAsync(id, cancellationToken);
        if (found is null) return NotFound();
        if (!found.IsRead) await inbox.SetReadAsync(id, true, cancellationToken);
        Submission = found;
        Form = (await catalog.GetAsync(cancellationToken)).Forms.GetValueOrDefault(found.FormKey);
        return Page();
    }

    public async Task<IActionResult> OnPostUnreadAsync(long id, CancellationToken cancellationToken) =>
        await inbox.SetReadAsync(id, false, cancellationToken) ? Redirect("/manager/inbox") : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(long id, SubmissionFolder folder, CancellationToken cancellationToken) =>
        await inbox.MoveAsync(id, folder, cancellationToken) ? Redirect($"/manager/inbox/{id}") : NotFound();

    public string Label(string name) => Form?.Fields.FirstOrDefault(f => f.Name == name)?.Label ?? name;
}
