using System.Net;
using Cadence.Cms.Tests.Delivery;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Hosting;

/// <summary>Every kind of answer the CMS gives carries the security headers, and none names the server.</summary>
public class SecurityHeadersTests
{
    [Test]
    public async Task Pages_api_answers_cached_answers_and_problems_all_carry_them()
    {
        var queries = new CommandLog();
        await using var cms = await CmsServer.StartAsync(services: s => s.AddSingleton<IInterceptor>(queries));
        // The background pass adds image variants to the answers (a new content version): done before the second read,
        // so that read is a cache hit.
        await cms.ImageVariantsMadeAsync();
        using var api = cms.Client(cms.ContentKey);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(cms.BaseUrl) };

        var read = await api.GetAsync("api/v1/posts?limit=1");
        queries.Clear();
        var cached = await api.GetAsync("api/v1/posts?limit=1");
        Assert.That(queries.Commands, Is.Empty, "the second read is answered from the cache, without a query");
        Assert.That(await cached.Content.ReadAsStringAsync(), Is.EqualTo(await read.Content.ReadAsStringAsync()));
        Assert.That(cached.Headers.ETag, Is.EqualTo(read.Headers.ETag));
        Assert.That(cached.Content.Headers.ContentType, Is.EqualTo(read.Content.Headers.ContentType));
        Assert.That(cached.Headers.Vary, Is.EquivalentTo(read.Headers.Vary));
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["the sign-in page"] = await anonymous.GetAsync("/manager/account/sign-in"),
            ["an API read"] = read,
            ["the same read from the cache"] = cached,
            ["a 401 problem"] = await anonymous.GetAsync("/api/v1/posts"),
            ["a 404"] = await anonymous.GetAsync("/no-such-page"),
            ["the health check"] = await anonymous.GetAsync("/healthz"),
        };
        foreach (var (what, answer) in answers)
        {
            Assert.That(answer.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), what);
            Assert.That(answer.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"), what);
            Assert.That(answer.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("strict-origin-when-cross-origin"), what);
            Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"), what);
            Assert.That(answer.Headers.Contains("Server"), Is.False, what);
        }
        Assert.That(answers["a 401 problem"].StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answers["a 404"].StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_api_reference_gets_the_policy_its_page_needs_and_keeps_frames_out()
    {
        await using var cms = await CmsServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(cms.BaseUrl) };
        var csp = (await http.GetAsync("/api/reference")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("script-src 'self' 'unsafe-inline'").And.Contain("frame-ancestors 'none'"));
    }
}
