using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms.Pages;

/// <summary>One form in the list: what it does, how many readers sent it, and which posts place it.</summary>
public sealed record FormRow(int Id, string Key, string Title, FormKind Kind, int Submissions, IReadOnlyList<FormUse> Posts);

/// <summary>The clinic's forms, for making new ones and opening one to edit.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class FormsModel(CadenceDb db, FormUsage usage, IOptions<FormsOptions> options) : PageModel
{
    public IReadOnlyList<FormRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Title).ToListAsync(cancellationToken);
        var counts = await db.Submissions.Where(s => s.Folder == SubmissionFolder.Inbox).GroupBy(s => s.FormKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var uses = await usage.AllAsync(cancellationToken: cancellationToken);
        Rows = forms.Select(f => new FormRow(f.Id, f.Key, f.Title, FormKinds.Of(f, options.Value.NewsletterForm),
            counts.GetValueOrDefault(f.Key), uses.GetValueOrDefault(f.Key) ?? [])).ToList();
    }
}
