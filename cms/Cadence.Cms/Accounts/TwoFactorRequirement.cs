namespace Cadence.Cms.Accounts;

/// <summary>
/// When an Admin requires two-factor sign-in, a signed-in person without it reaches only the page that sets it up
/// (and sign-out) until they have done so; every other manager address, reading or posting, leads there.
/// </summary>
public static class TwoFactorRequirement
{
    private static readonly string[] Open = [ManagerRoutes.TwoFactor, ManagerRoutes.SignOut, ManagerRoutes.SignIn, ManagerRoutes.Denied];

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ManagerRoutes.Home) && context.User.Identity?.IsAuthenticated == true
            && Roles.All.Any(context.User.IsInRole) && !context.User.HasClaim(c => c.Type == CadenceClaims.TwoFactor)
            && !Open.Any(open => path.StartsWithSegments(open)) && !Path.HasExtension(path.Value)
            && await context.RequestServices.GetRequiredService<TwoFactorPolicy>().IsRequiredAsync(context.RequestAborted))
        {
            context.Response.Redirect(ManagerRoutes.TwoFactor);
            return;
        }
        await next();
    });
}
