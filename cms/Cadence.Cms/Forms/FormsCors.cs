using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>
/// CORS for the form endpoint: the site's own origins (its base URL, which an editor may change, plus
/// Cadence:Forms:AllowedOrigins) may post with fetch; other policies are left to the default provider.
/// </summary>
public sealed class FormsCorsPolicyProvider(FormsCatalog catalog, IOptions<CorsOptions> options) : ICorsPolicyProvider
{
    public const string PolicyName = "CadenceForms";
    private readonly DefaultCorsPolicyProvider fallback = new(options);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName) return await fallback.GetPolicyAsync(context, policyName);
        var snapshot = await catalog.GetAsync(context.RequestAborted);
        return new CorsPolicyBuilder()
            .SetIsOriginAllowed(snapshot.IsAllowedOrigin)
            .WithMethods("POST")
            .WithHeaders("Content-Type", "Accept")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))
            .Build();
    }
}
