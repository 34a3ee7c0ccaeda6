using Cadence.Cms.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

public static class IdentitySetup
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;

    /// <summary>Identity users and roles, API keys, the sign-in limit and the account services.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSignInRateLimit();
        services.AddScoped<UserAccounts>();
        services.AddScoped<FirstRun>();
        services.AddSingleton<SetupInvitation>();
        services.AddScoped<AccountMail>();

        services.AddIdentity<CadenceUser, IdentityRole>(options =>
            {
                // OWASP ASVS 5: length, no composition rules, breached passwords refused (CommonPasswords).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CadenceDb>()
            .AddDefaultTokenProviders()
            .AddSignInManager<CadenceSignIn>()
            .AddClaimsPrincipalFactory<CadenceClaims>()
            .AddPasswordValidator<CommonPasswords>();

        // Disabling a user or changing roles takes effect within a minute on every open session.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = ManagerRoutes.SignIn;
            cookie.LogoutPath = ManagerRoutes.SignOut;
            cookie.AccessDeniedPath = ManagerRoutes.Denied;
            cookie.Cookie.Name = "cadence.manager";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddScoped<ApiKeys>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
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
