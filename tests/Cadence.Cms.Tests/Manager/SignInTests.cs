using System.Net;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

public class SignInTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task The_manager_sends_strangers_to_sign_in_and_lets_the_admin_in()
    {
        using var session = new ManagerSession(_cms);
        var anonymous = await session.GetAsync("/manager/posts");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(anonymous.Headers.Location!.ToString(), Does.Contain("/manager/account/sign-in"));

        var signIn = await session.SignInAsync(CmsServer.AdminEmail, CmsServer.AdminPassword);
        Assert.That(signIn.Headers.Location!.ToString(), Is.EqualTo("/manager"));
        var dashboard = await session.PageAsync("/manager");
        Assert.That(dashboard.QuerySelector("h1")!.TextContent, Is.EqualTo("Dashboard"));
        Assert.That(dashboard.QuerySelector("html")!.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(dashboard.QuerySelector("a.skip-link")!.GetAttribute("href"), Is.EqualTo("#main"));
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var session = await ManagerSession.SignedInAsync(_cms);
        var response = await session.PostRawAsync("/manager/posts/new?handler=Publish", new() { ["Title"] = "Forged", ["Body"] = "x" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var signIn = await new ManagerSession(_cms).PostRawAsync("/manager/account/sign-in",
            new() { ["Email"] = CmsServer.AdminEmail, ["Password"] = CmsServer.AdminPassword });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Repeated_wrong_passwords_slow_this_client_with_a_clear_message()
    {
        var email = await CreateUserAsync(Roles.Editor, "slowed");
        using var session = new ManagerSession(_cms);
        for (var attempt = 1; attempt <= SignInThrottle.FreeFailures; attempt++)
        {
            var wrong = await ManagerSession.ParseAsync(await session.SignInAsync(email, "not-the-password-" + attempt));
            Assert.That(wrong.QuerySelector("#sign-in-problem")!.TextContent, Does.Contain("do not match"));
        }
        await session.SignInAsync(email, "not-the-password-again");
        var right = await session.SignInAsync(email, Password);
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the right password waits too, from this client");
        Assert.That((await ManagerSession.ParseAsync(right)).QuerySelector("#sign-in-problem")!.TextContent, Does.Contain("Wait").And.Not.Contain("locked"));
    }

    [Test]
    public async Task A_disabled_user_cannot_sign_in_and_an_open_session_ends()
    {
        var email = await CreateUserAsync(Roles.Author, "disabled");
        using var open = await ManagerSession.SignedInAsync(_cms, email, Password);
        using var admin = await ManagerSession.SignedInAsync(_cms);
        var id = await UserIdAsync(email);
        var disable = await admin.SubmitAsync($"/manager/users/{id}", [], formSelector: "form[action*=Disable]");
        Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var fresh = new ManagerSession(_cms);
        var refused = await ManagerSession.ParseAsync(await fresh.SignInAsync(email, Password));
        Assert.That(refused.QuerySelector("#sign-in-problem")!.TextContent, Does.Contain("disabled"));

        // The security stamp changed, so the open session fails its next validation (forced here by the
        // stamp check itself rather than waiting out the one-minute interval).
        await using var scope = _cms.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CadenceUser>>();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().FindByEmailAsync(email))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        Assert.That(await signIn.ValidateSecurityStampAsync(principal), Is.Null);
    }

    [Test]
    public async Task Forgotten_password_mails_a_link_that_sets_a_new_password()
    {
        var email = await CreateUserAsync(Roles.Editor, "forgot");
        using var session = new ManagerSession(_cms);
        var sent = await session.SubmitAsync("/manager/account/forgot-password", new() { ["Email"] = email });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var message = (await OutboxReader.MessagesToAsync(_cms, email)).Single();
        Assert.That(message.Subject, Does.Contain("Reset your"));
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"http\S+reset-password\S+").Value;
        var path = new Uri(link).PathAndQuery;

        const string newPassword = "harbour-lantern-orchard-seven";
        var reset = await session.SubmitAsync(path, new() { ["Password"] = newPassword });
        Assert.That(reset.Headers.Location!.ToString(), Is.EqualTo("/manager/account/sign-in"));
        Assert.That((await session.SignInAsync(email, newPassword)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var reused = await ManagerSession.ParseAsync(await new ManagerSession(_cms).SubmitAsync(path, new() { ["Password"] = "another-long-password-9" }));
        Assert.That(reused.QuerySelector("#problems")!.TextContent, Does.Contain("expired or was already used"));
    }

    [Test]
    public async Task A_forged_host_header_never_reaches_the_reset_link()
    {
        var email = await CreateUserAsync(Roles.Editor, "host");
        using var session = new ManagerSession(_cms);
        session.ForgeHost("evil.example");
        var sent = await session.SubmitAsync("/manager/account/forgot-password", new() { ["Email"] = email });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var body = (await OutboxReader.MessagesToAsync(_cms, email)).Single().TextBody ?? "";
        Assert.That(body, Does.Not.Contain("evil.example"));
        Assert.That(body, Does.Contain(_cms.BaseUrl + "/manager/account/reset-password?"));
    }

    [Test]
    public async Task Changing_your_own_password_needs_the_current_one()
    {
        var email = await CreateUserAsync(Roles.Author, "change");
        using var session = await ManagerSession.SignedInAsync(_cms, email, Password);
        var wrong = await ManagerSession.ParseAsync(await session.SubmitAsync("/manager/account/password",
            new() { ["Current"] = "not-my-password", ["New"] = "velvet-otter-canal-bridge" }));
        Assert.That(wrong.QuerySelector("[data-valmsg-for=Current]")!.TextContent, Does.Contain("not your current password"));

        var changed = await session.SubmitAsync("/manager/account/password", new() { ["Current"] = Password, ["New"] = "velvet-otter-canal-bridge" });
        Assert.That(changed.Headers.Location!.ToString(), Is.EqualTo("/manager/account/profile"));
        Assert.That((await new ManagerSession(_cms).SignInAsync(email, "velvet-otter-canal-bridge")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    internal const string Password = "granite-willow-ferry-nine";

    private async Task<string> CreateUserAsync(string role, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = _cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, name);
        return email;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().FindByEmailAsync(email))!.Id;
    }
}
