using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Limits sign-in, forgotten-password and reset posts per client address. Lockout protects one account; this
/// stops one address from trying many accounts, or from flooding inboxes with reset emails.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const string RejectedMessage = "Too many attempts from your address. Please wait a minute and try again.";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Cadence:Accounts:AttemptsPerMinute", 20);
        if (permits < 1) throw new InvalidOperationException("Cadence:Accounts:AttemptsPerMinute must be at least 1.");
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(Policy, http =>
            !HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })));
        return services;
    }
}
