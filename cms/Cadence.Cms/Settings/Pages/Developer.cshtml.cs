using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Settings.Pages;

/// <summary>
/// Settings → Developer: the technical views (webhook log, mail outbox, API keys, changes feed) in one place, so the
/// owner's navigation and dashboard need not speak of them.
/// </summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class DeveloperModel(CadenceDb db) : PageModel
{
    public bool IsAdmin { get; private set; }
    public DateTime? LastChangeAt { get; private set; }
    public string? LastChangeSlug { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdmin = User.IsInRole(Roles.Admin);
        var change = await db.ContentChanges.AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new { c.At, c.Slug }).FirstOrDefaultAsync(cancellationToken);
        LastChangeAt = change?.At;
        LastChangeSlug = change?.Slug;
    }
}
