using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Tests.Manager;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>Wrong passwords slow the one who types them, per account and client address; nobody can lock the owner out.</summary>
public class SignInThrottleTests
{
    private const string Stranger = "203.0.113.66";
    private const string Owner = "198.51.100.7";

    [Test]
    public async Task A_strangers_wrong_passwords_slow_the_stranger_but_never_keep_the_admin_out()
    {
        // The test process is the trusted proxy, so X-Forwarded-For names the client.
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Proxies:0"] = "127.0.0.1" });
        using var stranger = new ManagerSession(cms);
        stranger.ComeFrom(Stranger);
        for (var attempt = 1; attempt <= SignInThrottle.FreeFailures + 3; attempt++)
            await stranger.SignInAsync(CmsServer.AdminEmail, "guess-number-" + attempt);

        var slowed = await ManagerSession.ParseAsync(await stranger.SignInAsync(CmsServer.AdminEmail, CmsServer.AdminPassword));
        Assert.That(slowed.QuerySelector("#sign-in-problem")!.TextContent, Does.Contain("Wait").And.Contain("second"),
            "even the right password waits from the stranger's address");

        using var owner = new ManagerSession(cms);
        owner.ComeFrom(Owner);
        var signIn = await owner.SignInAsync(CmsServer.AdminEmail, CmsServer.AdminPassword);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the owner signs in from their own address");
        Assert.That(signIn.Headers.Location!.ToString(), Is.EqualTo("/manager"));

        using var strangerOtherAccount = new ManagerSession(cms);
        strangerOtherAccount.ComeFrom(Stranger);
        var other = await ManagerSession.ParseAsync(await strangerOtherAccount.SignInAsync("nobody-here@clinic.test", "some-password-1"));
        Assert.That(other.QuerySelector("#sign-in-problem")!.TextContent, Is.EqualTo(Cms.Accounts.Pages.SignInModel.MismatchMessage),
            "the slowing is per account: another address typed from the same client is answered normally");
    }

    [Test]
    public void Delays_grow_with_each_wrong_try_after_the_free_ones_and_stop_growing_at_fifteen_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var throttle = new SignInThrottle(cache, clock);
        var client = IPAddress.Parse(Stranger);

        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            Assert.That(throttle.WaitBeforeNextTry("owner@clinic.test", client), Is.Null, $"try {i + 1} is free");
            throttle.Failed("owner@clinic.test", client);
        }
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 14; i++)
        {
            throttle.Failed("Owner@Clinic.test", client); // the same account however it is capitalised
            var wait = throttle.WaitBeforeNextTry("owner@clinic.test", client)!.Value;
            waits.Add(wait);
            clock.Advance(wait);
            Assert.That(throttle.WaitBeforeNextTry("owner@clinic.test", client), Is.Null, "after waiting, one more try");
        }
        Assert.That(waits.Take(5).Select(w => w.TotalSeconds), Is.EqualTo(new[] { 2d, 4, 8, 16, 32 }));
        Assert.That(waits.Max(), Is.EqualTo(SignInThrottle.LongestWait));

        Assert.That(throttle.WaitBeforeNextTry("owner@clinic.test", IPAddress.Parse(Owner)), Is.Null, "another client is not slowed");
        throttle.Failed("owner@clinic.test", client);
        throttle.Succeeded("owner@clinic.test", client);
        Assert.That(throttle.WaitBeforeNextTry("owner@clinic.test", client), Is.Null, "a success forgives");
    }
}
