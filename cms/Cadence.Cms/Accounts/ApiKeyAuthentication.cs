using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
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
    ApiKeyCheck check, IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KindClaim = "cadence:key-kind";
    public const string ContentPolicy = "ContentKey";
    public const string PreviewPolicy = "PreviewKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ApiKeyCheck.SecretIn(Request, Options.QueryParameter);
        if (secret is null) return AuthenticateResult.NoResult();
        if (secret.Length == 0) return AuthenticateResult.Fail("Use a Bearer key.");
        var kind = await check.KindOfAsync(secret, Context.RequestAborted);
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
