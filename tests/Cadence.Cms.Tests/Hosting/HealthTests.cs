using System.Net;

namespace Cadence.Cms.Tests.Hosting;

/// <summary>Liveness and readiness for a load balancer: one word each, outside the API document and its rate limits.</summary>
public class HealthTests
{
    [Test]
    public async Task Live_and_ready_answer_healthy_in_one_word_and_stay_out_of_the_api_document()
    {
        await using var cms = await CmsServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(cms.BaseUrl + "/") };
        foreach (var path in new[] { "health/live", "health/ready", "healthz" })
        {
            using var response = await http.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
        Assert.That(await http.GetStringAsync("health/ready"), Is.EqualTo("Healthy"));
        Assert.That(await http.GetStringAsync("openapi/v1.json"), Does.Not.Contain("/health"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => http.GetAsync("health/ready")));
        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), "never rate limited");
    }
}
