using System.Net;

namespace Cadence.Cms.Tests.Manager;

public class SignInRateLimitTests
{
    [Test]
    public async Task One_address_gets_a_limited_number_of_sign_in_attempts_a_minute()
    {
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Accounts:AttemptsPerMinute"] = "3" });
        using var session = new ManagerSession(cms);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var answer = await session.SignInAsync($"nobody{attempt}@clinic.test", "not-a-real-password");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt} is answered");
        }

        var refused = await session.SignInAsync(CmsServer.AdminEmail, CmsServer.AdminPassword);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Too many attempts"));

        var page = await session.GetAsync("/manager/account/sign-in");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading the page is not limited");
    }
}
