using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

/// <summary>Creates users and resets passwords, for the first start and the CLI.</summary>
public sealed class UserAccounts(UserManager<CadenceUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    /// <param name="invited">
    /// The person is emailed a link to choose their own password; until they do, the account is shown as Invited
    /// (an unconfirmed email: choosing a password through the mailed link proves the address).
    /// </param>
    public async Task<CadenceUser> CreateAsync(string email, string role, string password, string? displayName = null, bool invited = false)
    {
        if (!Roles.All.Contains(role)) throw new AccountException($"Role must be one of {string.Join(", ", Roles.All)}.");
        var user = new CadenceUser
        {
            UserName = email, Email = email, EmailConfirmed = !invited, DisplayName = displayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    public async Task ResetPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new AccountException($"No user has the email {email}.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

public sealed class AccountException(string message) : Exception(message);
