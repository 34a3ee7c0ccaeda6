using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Accounts;

/// <summary>What a start made and must show once: secrets are never stored in the clear.</summary>
/// <param name="AdminEmail">The Admin created from configuration (<c>Cadence__Admin__Password</c>) at this start.</param>
/// <param name="SetupPath">The one-time address for making the owner's account in the browser, while no Admin exists.</param>
public sealed record FirstRunReport(string? AdminEmail, string? SetupPath, string? ContentKey, string? PreviewKey);

/// <summary>
/// Creates the roles and the API keys when there are none, and the first Admin: from configuration (CI and
/// containers), or else by the owner in the browser through a one-time setup address. Never with a default password.
/// </summary>
public sealed class FirstRun(UserAccounts accounts, UserManager<CadenceUser> users, ApiKeys keys, SetupInvitation invitation, IOptions<CadenceOptions> options)
{
    public const string DefaultAdminEmail = "admin@cadence.local";

    public async Task<FirstRunReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await accounts.EnsureRolesAsync();

        string? adminEmail = null, setupPath = null;
        if (!string.IsNullOrEmpty(settings.Admin.Password) && !users.Users.Any())
        {
            adminEmail = settings.Admin.Email ?? DefaultAdminEmail;
            await accounts.CreateAsync(adminEmail, Roles.Admin, settings.Admin.Password, "Administrator");
        }
        else if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            setupPath = ManagerRoutes.Setup(invitation.Issue());
        }

        var contentKey = await EnsureKeyAsync(ApiKeyKind.Content, settings.ContentKey, cancellationToken);
        var previewKey = await EnsureKeyAsync(ApiKeyKind.Preview, settings.PreviewKey, cancellationToken);
        return new FirstRunReport(adminEmail, setupPath, contentKey, previewKey);
    }

    /// <returns>A newly generated secret to print, or null when configured or already present.</returns>
    private async Task<string?> EnsureKeyAsync(ApiKeyKind kind, string? configured, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            await keys.EnsureAsync(kind, $"{kind} key from configuration", configured, cancellationToken);
            return null;
        }
        if (await keys.AnyActiveAsync(kind, cancellationToken)) return null;
        return await keys.CreateAsync(kind, $"{kind} key made on first start", cancellationToken);
    }
}
