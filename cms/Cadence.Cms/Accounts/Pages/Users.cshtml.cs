using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Accounts.Pages;

[Authorize(Policy = ManagerPolicies.Admins)]
public sealed class UsersModel(UserManager<CadenceUser> users, UserAccounts accounts, AccountMail mail, TwoFactorPolicy policy) : PageModel
{
    public sealed record Person(string Id, string? Name, string Email, string Role, bool Disabled, bool Invited, bool TwoFactor);

    [BindProperty, Display(Name = "Require two-factor sign-in for every account")] public bool RequireTwoFactor { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter their email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    public string Email { get; set; } = "";

    [BindProperty, StringLength(100)] public string? DisplayName { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Author;
    [BindProperty] public bool Invite { get; set; } = true;
    [BindProperty, DataType(DataType.Password)] public string? Password { get; set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostTwoFactorPolicyAsync(CancellationToken cancellationToken)
    {
        await policy.SetRequiredAsync(RequireTwoFactor, cancellationToken);
        TempData.Notice(RequireTwoFactor
            ? "Two-factor sign-in is now required. People without it set it up right after they next sign in."
            : "Two-factor sign-in is now each person's choice.");
        return Redirect(ManagerRoutes.Users);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(Role)) ModelState.AddModelError(nameof(Role), "Choose Admin, Editor or Author.");
        if (!Invite && string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter a password, or choose to email an invitation.");
        if (ModelState.IsValid)
        {
            try
            {
                var user = await accounts.CreateAsync(Email.Trim(), Role, Invite ? Passwords.Random() : Password!, string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(), invited: Invite);
                if (Invite)
                {
                    await mail.SendResetLinkAsync(user, invitation: true, cancellationToken);
                    TempData.Notice($"{user.Email} is added as {Role} and an invitation is on its way.");
                }
                else TempData.Notice($"{user.Email} is added as {Role}. Tell them their password in person or by phone, not by email.");
                return Redirect(ManagerRoutes.Users);
            }
            catch (AccountException e)
            {
                ModelState.AddModelError(Invite ? nameof(Email) : nameof(Password), e.Message);
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        RequireTwoFactor = await policy.IsRequiredAsync(HttpContext.RequestAborted);
        var people = new List<Person>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var roles = await users.GetRolesAsync(user);
            people.Add(new Person(user.Id, user.DisplayName, user.Email ?? "", string.Join(", ", roles), user.IsDisabled, !user.EmailConfirmed, user.TwoFactorEnabled));
        }
        People = people;
    }
}
