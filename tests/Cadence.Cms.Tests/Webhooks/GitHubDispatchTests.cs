using Cadence.Cms.Webhooks;

namespace Cadence.Cms.Tests.Webhooks;

public class GitHubDispatchTests
{
    [Test]
    public async Task A_github_endpoint_sends_a_repository_dispatch_with_the_token()
    {
        await using var github = await WebhookReceiver.StartAsync("unused");
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Webhooks:Endpoints:0:Kind"] = "GitHub",
            ["Cadence:Webhooks:Endpoints:0:Url"] = "stride-clinic/run-tips",
            ["Cadence:Webhooks:Endpoints:0:Token"] = "github-token-for-tests",
            ["Cadence:Webhooks:GitHubApiBaseUrl"] = github.BaseUrl + "/",
            ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
        });
        var slug = await cms.AddDraft("Trail shoes");
        await cms.Publish(slug);

        var request = await github.NextAsync();
        Assert.Multiple(() =>
        {
            Assert.That(request.Path, Is.EqualTo("/repos/stride-clinic/run-tips/dispatches"));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer github-token-for-tests"));
            Assert.That(request.Headers["Accept"], Is.EqualTo("application/vnd.github+json"));
            Assert.That(request.Headers["User-Agent"], Is.Not.Empty);
            Assert.That(request.Json.GetProperty("event_type").GetString(), Is.EqualTo("content-changed"));
            var payload = request.Json.GetProperty("client_payload");
            Assert.That(payload.GetProperty("event").GetString(), Is.EqualTo("post.published"));
            Assert.That(payload.GetProperty("slugs").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { slug }));
            Assert.That(payload.EnumerateObject().Count(), Is.LessThanOrEqualTo(10), "GitHub allows at most 10 top-level payload properties");
        });
    }
}
