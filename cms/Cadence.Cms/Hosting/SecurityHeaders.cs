namespace Cadence.Cms.Hosting;

/// <summary>Headers every answer carries: no sniffing, no framing, no referrer leaks to other sites.</summary>
public static class SecurityHeaders
{
    private const string PageCsp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
    private const string ReferenceCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'";

    /// <summary>
    /// Set as the answer starts, so they are there whatever wrote it (an error page after the exception handler cleared
    /// the headers, a cached answer); a callback with the context as its state, so no request allocates for them.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(AddTo, context);
        return next(context);
    });

    private static Task AddTo(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!headers.ContainsKey("Content-Security-Policy"))
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference") ? ReferenceCsp : PageCsp;
        return Task.CompletedTask;
    }

    /// <summary>Kestrel names itself in a <c>Server</c> header on every answer; nobody needs to know what serves the clinic.</summary>
    public static IWebHostBuilder WithoutServerHeader(this IWebHostBuilder host) =>
        host.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
}
