using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Cadence.Cms.Tests.Hosting;

/// <summary>Host headers, forwarded headers, Secure cookies and HSTS follow Cadence:PublicUrl and Cadence:Proxies only.</summary>
public class PublicEdgeTests
{
    private const string PublicHost = "cms.clinic.test";

    [Test]
    public async Task With_a_public_address_other_hosts_are_refused_and_loopback_still_answers()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:PublicUrl"] = $"https://{PublicHost}" });
        using var http = cms.Client();
        Assert.That((await SendAsync(http, "/healthz", host: "evil.example")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await SendAsync(http, "/healthz", host: PublicHost)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync(http, "/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "127.0.0.1, for checks on the machine");
    }

    [Test]
    public async Task Without_a_public_address_a_forged_host_shapes_neither_the_sign_in_redirect_nor_the_openapi_server()
    {
        await using var cms = await CmsServer.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(cms.BaseUrl) };
        var redirect = await SendAsync(http, "/manager/posts", host: "evil.example");
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(redirect.Headers.Location!.ToString(), Does.StartWith("/manager/account/sign-in?").And.Not.Contain("evil"));

        var openApi = await SendAsync(http, "/openapi/v1.json", host: "evil.example");
        using var document = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());
        var servers = document.RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.That(servers, Is.EqualTo(new[] { cms.BaseUrl }));
    }

    [Test]
    public async Task Behind_a_configured_proxy_an_https_public_address_gets_secure_cookies_and_hsts()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:PublicUrl"] = $"https://{PublicHost}", ["Cadence:Proxies:0"] = "127.0.0.0/8",
        });
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(cms.BaseUrl) };

        var page = await SendAsync(http, "/manager/account/sign-in", host: PublicHost, proto: "https");
        Assert.That(page.Headers.TryGetValues("Strict-Transport-Security", out var hsts), Is.True);
        Assert.That(hsts!.Single(), Does.Contain("max-age=31536000"));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery"));
        Assert.That(antiforgery.ToLowerInvariant(), Does.Contain("secure"));

        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/manager/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = CmsServer.AdminEmail, ["Password"] = CmsServer.AdminPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Host = PublicHost;
        signIn.Headers.Add("X-Forwarded-Proto", "https");
        signIn.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var answer = await http.SendAsync(signIn);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var session = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cadence.manager="));
        Assert.That(session.ToLowerInvariant(), Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict"));
    }

    [Test]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:PublicUrl"] = $"https://{PublicHost}" });
        using var http = cms.Client();
        var page = await SendAsync(http, "/manager/account/sign-in", host: PublicHost, proto: "https");
        Assert.That(page.Headers.Contains("Strict-Transport-Security"), Is.False, "X-Forwarded-Proto from a client that is no proxy is not believed");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string? host = null, string? proto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) request.Headers.Host = host;
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        return await http.SendAsync(request);
    }
}
