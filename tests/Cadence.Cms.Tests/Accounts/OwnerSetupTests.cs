using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Tests.Manager;
using Cadence.Cms.UI;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>The owner makes the first account in the browser, from the one-time address the CMS prints.</summary>
public class OwnerSetupTests
{
    private static readonly Dictionary<string, string?> NoAdmin = new() { ["Cadence:Admin:Password"] = null, ["Cadence:Admin:Email"] = null };

    private static Dictionary<string, string> Owner(string password) => new()
    {
        ["Name"] = "Ada Lindqvist", ["Email"] = "ada@stride.test", ["Password"] = password, ["ConfirmPassword"] = password,
    };

    [Test]
    public async Task The_setup_address_makes_an_admin_signs_them_in_and_works_once()
    {
        await using var cms = await CmsServer.StartAsync(NoAdmin);
        var setup = cms.FirstRun.SetupPath!;
        Assert.That(setup, Does.Match("^/manager/setup/[A-Za-z0-9_-]{40,}$"));

        using var owner = new ManagerSession(cms);
        var weak = await owner.SubmitAsync(setup, Owner("short-pass"));
        Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a weak password is refused on the page");
        Assert.That(await weak.Content.ReadAsStringAsync(), Does.Contain("at least 12 characters"));
        var common = await owner.SubmitAsync(setup, Owner("password1234"));
        Assert.That(common.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a common password is refused by the same rules as everywhere");

        var created = await owner.SubmitAsync(setup, Owner("tidal-orchard-pebble"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(created.Headers.Location!.OriginalString, Is.EqualTo("/manager"));
        var dashboard = await owner.GetAsync("/manager");
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed in: the dashboard opens");
        Assert.That(await dashboard.Content.ReadAsStringAsync(), Does.Contain("Welcome, Ada Lindqvist"));

        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>();
            var ada = await users.FindByEmailAsync("ada@stride.test");
            Assert.That(ada, Is.Not.Null);
            Assert.That(await users.IsInRoleAsync(ada!, Roles.Admin), Is.True);
            Assert.That(ada!.DisplayName, Is.EqualTo("Ada Lindqvist"));
        }

        using var someoneElse = new ManagerSession(cms);
        var used = await someoneElse.GetAsync(setup);
        Assert.That(used.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await used.Content.ReadAsStringAsync(), Does.Contain("This setup address no longer works").And.Contain("sign in"));
        var replay = await someoneElse.PostWithTokenAsync(ManagerRoutes.SignIn, setup, new()
        {
            ["Name"] = "Mallory", ["Email"] = "mallory@evil.test", ["Password"] = "tidal-orchard-pebble", ["ConfirmPassword"] = "tidal-orchard-pebble",
        });
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Gone), "a used address makes no second account");
        await using var check = cms.Services.CreateAsyncScope();
        Assert.That(await check.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().FindByEmailAsync("mallory@evil.test"), Is.Null);
    }

    [Test]
    public async Task An_expired_or_unknown_address_is_refused_with_a_clear_page()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cms = await CmsServer.StartAsync(NoAdmin, services => services.AddSingleton<TimeProvider>(clock));
        using var visitor = new ManagerSession(cms);

        var guessed = await visitor.GetAsync("/manager/setup/" + new string('a', 43));
        Assert.That(guessed.StatusCode, Is.EqualTo(HttpStatusCode.Gone));

        Assert.That((await visitor.GetAsync(cms.FirstRun.SetupPath!)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        clock.Advance(SetupInvitation.Lifetime + TimeSpan.FromMinutes(1));
        var expired = await visitor.GetAsync(cms.FirstRun.SetupPath!);
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await expired.Content.ReadAsStringAsync(), Does.Contain("restart Cadence: it prints a new setup address"));
    }
}
