using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Settings.Pages;

[Authorize(Policy = ManagerPolicies.Admins)]
public sealed class ApiKeysModel(CadenceDb db, ApiKeys keys) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Say what the key is for."), StringLength(100)] public string Name { get; set; } = "";
    [BindProperty] public ApiKeyKind Kind { get; set; } = ApiKeyKind.Content;

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        // The secret rides in TempData (an encrypted cookie) for the one page that shows it; it is never stored.
        TempData["new-key"] = await keys.CreateAsync(Kind, Name.Trim(), cancellationToken);
        TempData.Notice($"The {Kind.ToString().ToLowerInvariant()} key “{Name.Trim()}” is made. Copy it now: it is not shown again.");
        return Redirect(ManagerRoutes.ApiKeys);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int keyId, CancellationToken cancellationToken)
    {
        TempData.Notice(await keys.RevokeAsync(keyId, cancellationToken) ? "The key is revoked." : "That key was already revoked.");
        return Redirect(ManagerRoutes.ApiKeys);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
}
