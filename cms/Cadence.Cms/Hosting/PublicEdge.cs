using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Hosting;

/// <summary>
/// What the CMS believes about a request's edge, all derived from <c>Cadence:PublicUrl</c> and <c>Cadence:Proxies</c>:
/// which Host headers it answers, whose forwarded headers it trusts, and whether cookies are Secure and HSTS is sent.
/// </summary>
public static class PublicEdge
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddPublicEdge(this IServiceCollection services, IConfiguration configuration)
    {
        // With a public address, a request naming any other host is refused (400) before it reaches a page, so a
        // forged Host can shape nothing. Loopback stays allowed for health checks on the machine itself.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<CadenceOptions>>((hosts, cadence) =>
        {
            if (cadence.Value.PublicUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
                hosts.AllowedHosts = [uri.IdnHost, .. Loopback];
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<CadenceOptions>, IConfiguration>((forwarded, cadence, configuration) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted, and it holds loopback by default
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            forwarded.KnownProxies.Clear();
            foreach (var proxy in TrustedProxies(cadence.Value, configuration))
                if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
                else forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        });

        // Behind a TLS-terminating proxy the CMS may see plain http; the public address decides instead. Read from
        // configuration here, as the cookie options of every scheme are registered before options can be resolved.
        if (IsPublicHttps(configuration))
        {
            services.PostConfigureAll<CookieAuthenticationOptions>(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<CookieTempDataProviderOptions>(tempData => tempData.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>
    /// Takes the client address and scheme from forwarded headers only when proxies are configured: with an empty
    /// list the middleware would believe the header from anybody, letting a bot pick a fresh address for every post.
    /// </summary>
    public static IApplicationBuilder UsePublicEdge(this IApplicationBuilder app)
    {
        var cadence = app.ApplicationServices.GetRequiredService<IOptions<CadenceOptions>>().Value;
        if (TrustedProxies(cadence, app.ApplicationServices.GetRequiredService<IConfiguration>()).Any()) app.UseForwardedHeaders();
        if (cadence.IsPublicHttps) app.UseHsts(); // sent on https requests only, as the standard asks
        return app;
    }

    // Cadence:Forms:TrustedProxies is the older name of the same list (validated with the Forms options); installations
    // that set it keep working.
    private static IEnumerable<string> TrustedProxies(CadenceOptions cadence, IConfiguration configuration) =>
        cadence.Proxies.Concat(configuration.GetSection(LegacyProxiesSetting).Get<string[]>() ?? []);

    private static bool IsPublicHttps(IConfiguration configuration) =>
        new CadenceOptions { PublicUrl = configuration[$"{CadenceOptions.Section}:{nameof(CadenceOptions.PublicUrl)}"] }.IsPublicHttps;

    private const string LegacyProxiesSetting = "Cadence:Forms:TrustedProxies";
}
