using System.Net;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

public class RedirectAndRateLimitTests
{
    [TestCase("https://evil.example/thanks/")]
    [TestCase("//evil.example/thanks/")]
    [TestCase("/\\evil.example/thanks/")]
    public async Task A_thank_you_target_on_another_host_falls_back_to_the_site(string target)
    {
        await using var cms = await CmsServer.StartAsync(TestSettings());
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            await db.Forms.Where(f => f.Key == "contact-therapist").ExecuteUpdateAsync(u => u.SetProperty(f => f.ThankYouPath, target));
        }
        cms.Services.GetRequiredService<FormsCatalog>().Invalidate();

        using var response = await PlainPostAsync(cms, "contact-therapist", UrlEncoded(Contact(Unique("redirect"))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(response.Headers.Location?.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5080/"));
    }

    [Test]
    public async Task The_redirect_never_uses_the_request_host()
    {
        await using var cms = await CmsServer.StartAsync(TestSettings());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{cms.BaseUrl}/forms/contact-therapist") { Content = UrlEncoded(Contact(Unique("host"))) };
        request.Headers.Host = "evil.example";
        using var response = await NoRedirects().SendAsync(request);
        Assert.That(response.Headers.Location?.Host, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Allowed_origins_from_configuration_are_accepted_besides_the_base_url()
    {
        await using var cms = await CmsServer.StartAsync(TestSettings(("Cadence:Forms:AllowedOrigins:0", "https://preview.stride.example")));
        using var response = await FetchAsync(cms, "contact-therapist", Contact(Unique("preview")), origin: "https://preview.stride.example");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_client_over_the_rate_limit_gets_429_with_retry_after()
    {
        await using var cms = await CmsServer.StartAsync(TestSettings(("Cadence:Forms:RateLimitPermits", "2")));
        for (var i = 0; i < 2; i++)
        {
            using var ok = await FetchAsync(cms, "contact-therapist", Contact(Unique("limit")));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
        using var limited = await FetchAsync(cms, "contact-therapist", Contact(Unique("limit")));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Forwarded_addresses_count_only_from_a_trusted_proxy()
    {
        // Not trusted: every client claims a new address, yet all share the real one's limit.
        await using var cms = await CmsServer.StartAsync(TestSettings(("Cadence:Forms:RateLimitPermits", "1")));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{cms.BaseUrl}/forms/contact-therapist") { Content = UrlEncoded(Contact(Unique("fwd"))) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await NoRedirects().SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.That((await SubmissionsAsync(cms)).Select(s => s.ClientIp), Is.All.EqualTo("127.0.0.1"));
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests }));

        // Trusted (the test client comes from 127.0.0.1): each forwarded address has its own limit and is stored.
        await using var proxied = await CmsServer.StartAsync(TestSettings(("Cadence:Forms:RateLimitPermits", "1"), ("Cadence:Forms:TrustedProxies:0", "127.0.0.1")));
        for (var i = 0; i < 2; i++)
        {
            var email = Unique("proxied");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{proxied.BaseUrl}/forms/contact-therapist") { Content = UrlEncoded(Contact(email)) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await NoRedirects().SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That((await SubmissionsAsync(proxied, email)).Single().ClientIp, Is.EqualTo($"203.0.113.{i + 1}"));
        }
    }
}
