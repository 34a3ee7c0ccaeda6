using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Accounts;

/// <summary>What a first start made and must show once: secrets are never stored in the clear.</summary>
public sealed record FirstRunReport(string? AdminEmail, string? AdminPassword, string? ContentKey, string? PreviewKey)
{
    public bool IsEmpty => AdminEmail is null && ContentKey is null && PreviewKey is null;
}

/// <summary>Creates the roles, the first Admin and the API keys when there are none.</summary>
public sealed class FirstRun(UserAccounts accounts, UserManager<CadenceUser> users, ApiKeys keys, IOptions<CadenceOptions> options)
{
    public const string DefaultAdminEmail = "admin@cadence.local";

    public async Task<FirstRunReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await accounts.EnsureRolesAsync();

        string? adminEmail = null, adminPassword = null;
        if (!users.Users.Any())
        {
            adminEmail = settings.Admin.Email ?? DefaultAdminEmail;
            var configured = !string.IsNullOrEmpty(settings.Admin.Password);
            var password = configured ? settings.Admin.Password! : Passwords.Random();
            await accounts.CreateAsync(adminEmail, Roles.Admin, password, "Administrator");
            adminPassword = configured ? null : password; // a configured password is not echoed
        }

        var contentKey = await EnsureKeyAsync(ApiKeyKind.Content, settings.ContentKey, cancellationToken);
        var previewKey = await EnsureKeyAsync(ApiKeyKind.Preview, settings.PreviewKey, cancellationToken);
        return new FirstRunReport(adminEmail, adminPassword, contentKey, previewKey);
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
