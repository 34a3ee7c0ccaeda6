using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Where a scheme finds the key: <c>Authorization: Bearer &lt;key&gt;</c>, or a query parameter for clients that can
/// send nothing else (Ghost's Content API clients send <c>?key=</c>).
/// </summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public string? QueryParameter { get; set; }
}

/// <summary>Authenticates API calls by a hashed content or preview key.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IMemoryCache cache, IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KindClaim = "cadence:key-kind";
    public const string ContentPolicy = "ContentKey";
    public const string PreviewPolicy = "PreviewKey";

    // A revoked key stops working within this window; it saves a database read on every API call. The key store (and
    // with it a pooled database context) is asked for only when the window has passed, never on a cached check.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string secret;
        if (Options.QueryParameter is { } parameter)
        {
            secret = Request.Query[parameter].ToString().Trim();
            if (secret.Length == 0) return AuthenticateResult.NoResult();
        }
        else
        {
            string? header = Request.Headers.Authorization;
            if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Use a Bearer key.");
            secret = header["Bearer ".Length..].Trim();
        }

        var hash = ApiKeys.Hash(secret);
        var kind = await cache.GetOrCreateAsync("api-key:" + hash, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var keys = Context.RequestServices.GetRequiredService<ApiKeys>();
            return (await keys.FindByHashAsync(hash, Context.RequestAborted))?.Kind;
        });
        if (kind is null) return AuthenticateResult.Fail("Unknown or revoked key.");

        var identity = new ClaimsIdentity([new Claim(KindClaim, kind.Value.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (Options.QueryParameter is null) Response.Headers.WWWAuthenticate = "Bearer";
        var send = Options.QueryParameter is { } parameter ? $"'?{parameter}=<content key>'" : "'Authorization: Bearer <content key>'";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "A valid API key is required.", Detail = $"Send {send}." },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "This key cannot see that.", Detail = "Drafts need the preview key." },
        });
    }

    public static bool IsPreview(ClaimsPrincipal user) => user.HasClaim(KindClaim, nameof(ApiKeyKind.Preview));
}
