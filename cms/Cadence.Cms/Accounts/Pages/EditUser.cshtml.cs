using Cadence.Cms.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[Authorize(Policy = ManagerPolicies.Admins)]
public sealed class EditUserModel(UserManager<CadenceUser> users, AccountMail mail, AuthorProfiles authors) : PageModel
{
    [BindProperty] public string Role { get; set; } = Roles.Author;
    /// <summary>The author profile this user writes as: an Author's posts carry its byline and no other.</summary>
    [BindProperty] public int? AuthorId { get; set; }

    public IReadOnlyList<(int Id, string Name)> Authors { get; private set; } = [];

    public CadenceUser Person { get; private set; } = null!;
    public bool IsMe => Person.Id == users.GetUserId(User);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id)) return NotFound();
        Role = (await users.GetRolesAsync(Person)).FirstOrDefault() ?? Roles.Author;
        AuthorId = (await authors.ForUserAsync(id, cancellationToken))?.Id;
        Authors = await authors.AllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAuthorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await authors.LinkAsync(id, AuthorId, cancellationToken)) return BadRequest();
        TempData.Notice(AuthorId is null ? $"{Person.Email} has no author profile." : $"{Person.Email} now writes as their linked author profile.");
        return Redirect(ManagerRoutes.User(id));
    }

    public async Task<IActionResult> OnPostRoleAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsMe) return Forbid(); // an admin who demotes themselves may leave nobody to undo it
        if (!Roles.All.Contains(Role)) return BadRequest();
        await users.RemoveFromRolesAsync(Person, await users.GetRolesAsync(Person));
        await users.AddToRoleAsync(Person, Role);
        await users.UpdateSecurityStampAsync(Person); // open sessions pick up the new role at the next check
        TempData.Notice($"{Person.Email} is now {Role}.");
        return Redirect(ManagerRoutes.User(id));
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetDisabledAsync(id, true);

    public Task<IActionResult> OnPostEnableAsync(string id) => SetDisabledAsync(id, false);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id)) return NotFound();
        await mail.SendResetLinkAsync(Person, invitation: false, cancellationToken);
        TempData.Notice($"A password-reset link is on its way to {Person.Email}.");
        return Redirect(ManagerRoutes.User(id));
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsMe) return Forbid();
        Person.IsDisabled = disabled;
        await users.UpdateAsync(Person);
        await users.UpdateSecurityStampAsync(Person); // ends their open sessions at the next check
        TempData.Notice(disabled ? $"{Person.Email} is disabled and cannot sign in." : $"{Person.Email} can sign in again.");
        return Redirect(ManagerRoutes.User(id));
    }

    private async Task<bool> LoadAsync(string id)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null) return false;
        Person = person;
        return true;
    }
}
