using System.Net;
using System.Text.RegularExpressions;
using Cadence.Cms.Accounts;
using Cadence.Cms.Tests.Manager;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>Reset links last an hour; invitation links a week; each works once and says how long it lasts.</summary>
public class LinkLifetimeTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public void Reset_tokens_last_an_hour_and_invitation_tokens_a_week()
    {
        Assert.That(_cms.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan, Is.EqualTo(TimeSpan.FromHours(1)));
        var invitation = _cms.Services.GetRequiredService<IOptions<InvitationTokenOptions>>().Value;
        Assert.That(invitation.TokenLifespan, Is.EqualTo(TimeSpan.FromDays(7)));
        Assert.That(invitation.Name, Is.Not.EqualTo(new DataProtectionTokenProviderOptions().Name), "its own protector purpose");
    }

    [Test]
    public async Task The_reset_mail_says_the_link_lasts_an_hour()
    {
        var email = await TestAccounts.CreateAsync(_cms, Roles.Editor, "hour");
        using var session = new ManagerSession(_cms);
        var answer = await ManagerSession.ParseAsync(await session.SubmitAsync("/manager/account/forgot-password", new() { ["Email"] = email }));
        Assert.That(answer.QuerySelector("main")!.TextContent, Does.Contain("one hour"));
        Assert.That((await OutboxReader.MessagesToAsync(_cms, email)).Single().TextBody, Does.Contain("works once, for 60 minutes"));
    }

    [Test]
    public async Task An_invitation_link_lasts_a_week_sets_the_password_once_and_is_no_reset_link()
    {
        using var admin = await ManagerSession.SignedInAsync(_cms);
        var email = $"invitee-{Guid.NewGuid():N}@clinic.test";
        await admin.SubmitAsync("/manager/users", new() { ["Email"] = email, ["DisplayName"] = "Nia", ["Role"] = Roles.Author, ["Invite"] = "true" });
        var body = (await OutboxReader.MessagesToAsync(_cms, email)).Single().TextBody ?? "";
        Assert.That(body, Does.Contain("works once, for 7 days"));
        var path = new Uri(Regex.Match(body, @"http\S+reset-password\S+").Value).PathAndQuery;

        using var invitee = new ManagerSession(_cms);
        var accepted = await invitee.SubmitAsync(path, new() { ["Password"] = "harbour-lantern-orchard-seven" });
        Assert.That(accepted.Headers.Location!.ToString(), Is.EqualTo("/manager/account/sign-in"));
        Assert.That((await invitee.SignInAsync(email, "harbour-lantern-orchard-seven")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var again = await ManagerSession.ParseAsync(await new ManagerSession(_cms).SubmitAsync(path, new() { ["Password"] = "another-long-password-9" }));
        Assert.That(again.QuerySelector("#problems")!.TextContent, Does.Contain("expired or was already used"));

        // Now a confirmed account: an invitation token is no longer accepted for it, only a reset token.
        await using var scope = _cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var invitationToken = await users.GenerateUserTokenAsync(user, InvitationTokens.ProviderName, UserManager<CadenceUser>.ResetPasswordTokenPurpose);
        var link = $"/manager/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(invitationToken)}";
        var refused = await ManagerSession.ParseAsync(await new ManagerSession(_cms).SubmitAsync(link, new() { ["Password"] = "yet-another-password-10" }));
        Assert.That(refused.QuerySelector("#problems")!.TextContent, Does.Contain("expired or was already used"));
    }
}
