using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

public static class IdentitySetup
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Identity users and roles, API keys, the sign-in limit and the account services.</summary>
    private static Task RedirectRelative(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = target;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSignInRateLimit();
        services.AddScoped<UserAccounts>();
        services.AddScoped<FirstRun>();
        services.AddSingleton<SetupInvitation>();
        services.AddScoped<AccountMail>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<AuthenticatorApp>();
        services.AddScoped<TwoFactorPolicy>();

        services.AddIdentity<CadenceUser, IdentityRole>(options =>
            {
                // OWASP ASVS 5: length, no composition rules, breached passwords refused (CommonPasswords).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No account-wide lockout: anyone could keep the owner out with wrong passwords. Guessing is slowed
                // per account and client address instead (SignInThrottle).
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CadenceDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokens>(InvitationTokens.ProviderName)
            .AddSignInManager<CadenceSignIn>()
            .AddClaimsPrincipalFactory<CadenceClaims>()
            .AddPasswordValidator<CommonPasswords>();

        // Every request checks the security stamp, so signing out, a new password, two-factor changes, disabling a
        // user or changing roles end or update every open session of the account at once (one indexed read per request).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = PasswordResets.ResetLifetime);
        services.AddOptions<InvitationTokenOptions>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = ManagerRoutes.SignIn;
            cookie.LogoutPath = ManagerRoutes.SignOut;
            cookie.AccessDeniedPath = ManagerRoutes.Denied;
            cookie.Cookie.Name = "cadence.manager";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Always when the public address is https (Hosting/PublicEdge.cs)
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The handler builds absolute redirects from the request's Host header; a relative one cannot be forged.
            cookie.Events.OnRedirectToLogin = context => RedirectRelative(context);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectRelative(context);
        });

        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, cookie =>
        {
            cookie.Cookie.Name = "cadence.device";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
        });

        services.AddScoped<ApiKeys>();
        services.AddSingleton<ApiKeyCheck>();
        services.AddAuthentication().AddScheme<ApiKeyOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.ContentPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireClaim(ApiKeyAuthentication.KindClaim))
            .AddPolicy(ApiKeyAuthentication.PreviewPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireClaim(ApiKeyAuthentication.KindClaim, nameof(ApiKeyKind.Preview)))
            .AddPolicy(ManagerPolicies.Staff, policy => policy.RequireRole(Roles.All))
            .AddPolicy(ManagerPolicies.Editors, policy => policy.RequireRole(Roles.Editors))
            .AddPolicy(ManagerPolicies.Admins, policy => policy.RequireRole(Roles.Admin));
        services.AddMemoryCache();
        return services;
    }
}

public static class ManagerPolicies
{
    public const string Staff = "Staff";
    public const string Editors = "Editors";
    public const string Admins = "Admins";
}
