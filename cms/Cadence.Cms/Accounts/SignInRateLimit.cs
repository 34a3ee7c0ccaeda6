using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Limits sign-in, forgotten-password and reset posts per client address. Lockout protects one account; this
/// stops one address from trying many accounts, or from flooding inboxes with reset emails.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const string RejectedMessage = "Too many attempts from your address. Please wait a minute and try again.";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddValidatedOptions<AccountsOptions>(AccountsOptions.Section);
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountsOptions>>((limiter, accounts) => limiter.AddPolicy(Policy, http =>
            !HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = accounts.Value.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })));
        return services;
    }
}

/// <summary>The <c>Cadence:Accounts</c> section.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Cadence:Accounts";

    /// <summary>Sign-in, forgotten-password and reset posts one client address may make per minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Cadence:Accounts:AttemptsPerMinute must be at least 1.")]
    public int AttemptsPerMinute { get; set; } = 20;
}
