using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Tests.Manager;
using OtpNet;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>Two-factor sign-in with an authenticator app, its codes computed here as the app would (RFC 6238).</summary>
public class TwoFactorSignInTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task A_person_turns_it_on_from_their_account_and_then_signs_in_with_a_code_or_a_recovery_code()
    {
        var email = await TestAccounts.CreateAsync(_cms, Roles.Editor, "totp");
        using var session = await ManagerSession.SignedInAsync(_cms, email, TestAccounts.Password);
        var profile = await session.PageAsync("/manager/account/profile");
        Assert.That(profile.QuerySelector("a[href='/manager/account/two-factor']"), Is.Not.Null, "reached from the person's own profile");

        var setup = await session.PageAsync("/manager/account/two-factor");
        Assert.That(setup.QuerySelector("#qr-code")!.GetAttribute("src"), Does.StartWith("data:image/png;base64,"), "the QR code is inline, so the CSP holds");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Trim();

        var wrong = await ManagerSession.ParseAsync(await session.SubmitAsync("/manager/account/two-factor", new() { ["Code"] = "000000" }));
        Assert.That(wrong.QuerySelector("[data-valmsg-for=Code]")!.TextContent, Does.Contain("does not match"));

        var on = await ManagerSession.ParseAsync(await session.SubmitAsync("/manager/account/two-factor", new() { ["Code"] = CodeFor(key) }));
        var recoveryCodes = on.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.That(recoveryCodes, Has.Count.EqualTo(AuthenticatorApp.RecoveryCodeCount));
        Assert.That(on.QuerySelector("#two-factor-state")!.TextContent, Does.Contain("on"));
        await SessionEndTests.AssertInAsync(session, "the session that turned it on");

        // Password alone now leads to the code step, not into the manager.
        using var next = new ManagerSession(_cms);
        var password = await next.SignInAsync(email, TestAccounts.Password);
        Assert.That(password.Headers.Location!.ToString(), Does.StartWith("/manager/account/sign-in/code"));
        await SessionEndTests.AssertOutAsync(next, "after the password only");
        var codePage = password.Headers.Location!.ToString();
        var badCode = await ManagerSession.ParseAsync(await next.SubmitAsync(codePage, new() { ["Code"] = WrongCode(key) }));
        Assert.That(badCode.QuerySelector("#sign-in-problem")!.TextContent, Does.Contain("does not match"));
        var goodCode = await next.SubmitAsync(codePage, new() { ["Code"] = CodeFor(key) });
        Assert.That(goodCode.Headers.Location!.ToString(), Is.EqualTo("/manager"));
        await SessionEndTests.AssertInAsync(next, "after the code");

        // A lost phone: one recovery code lets the person in once.
        using var lost = new ManagerSession(_cms);
        var step = (await lost.SignInAsync(email, TestAccounts.Password)).Headers.Location!.ToString();
        Assert.That((await lost.SubmitAsync(step, new() { ["Code"] = recoveryCodes[0] })).Headers.Location!.ToString(), Is.EqualTo("/manager"));
        using var again = new ManagerSession(_cms);
        var step2 = (await again.SignInAsync(email, TestAccounts.Password)).Headers.Location!.ToString();
        var reused = await ManagerSession.ParseAsync(await again.SubmitAsync(step2, new() { ["Code"] = recoveryCodes[0] }));
        Assert.That(reused.QuerySelector("#sign-in-problem")!.TextContent, Does.Contain("does not match"), "a recovery code works once");
    }

    [Test]
    public async Task When_an_admin_requires_it_everyone_without_it_is_walked_to_set_it_up()
    {
        await using var cms = await CmsServer.StartAsync(); // its own CMS: the rule applies to every account
        var email = await TestAccounts.CreateAsync(cms, Roles.Author, "required");
        using var author = await ManagerSession.SignedInAsync(cms, email, TestAccounts.Password);
        using var admin = await ManagerSession.SignedInAsync(cms);
        var saved = await admin.SubmitAsync("/manager/users", new() { ["RequireTwoFactor"] = "true" }, formSelector: "#two-factor-policy");
        Assert.That(saved.Headers.Location!.ToString(), Is.EqualTo("/manager/users"));
        Assert.That((await admin.GetAsync("/manager/users")).Headers.Location!.ToString(), Is.EqualTo("/manager/account/two-factor"),
            "the Admin too, right away");

        var posts = await author.GetAsync("/manager/posts");
        Assert.That(posts.Headers.Location!.ToString(), Is.EqualTo("/manager/account/two-factor"), "an open session is walked there on its next page");
        var post = await author.PostRawAsync("/manager/posts/new", new() { ["Title"] = "x" });
        Assert.That(post.Headers.Location!.ToString(), Is.EqualTo("/manager/account/two-factor"), "and cannot post elsewhere");
        var setup = await author.PageAsync("/manager/account/two-factor");
        Assert.That(setup.QuerySelector("#two-factor-required"), Is.Not.Null);

        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Trim();
        var on = await ManagerSession.ParseAsync(await author.SubmitAsync("/manager/account/two-factor", new() { ["Code"] = CodeFor(key) }));
        Assert.That(on.QuerySelector("form[action*=TurnOff]"), Is.Null, "it cannot be turned off while required");
        await SessionEndTests.AssertInAsync(author, "once set up, the manager opens");

        var turnOff = await author.PostWithTokenAsync("/manager/account/two-factor", "/manager/account/two-factor?handler=TurnOff", []);
        Assert.That(turnOff.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await author.PageAsync("/manager/account/two-factor")).QuerySelector("#two-factor-state")!.TextContent, Does.Contain("on"));
    }

    private static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp();

    // A code from a different key: always wrong for this account.
    private static string WrongCode(string key)
    {
        var right = CodeFor(key);
        return ((int.Parse(right) + 1) % 1_000_000).ToString("D6");
    }
}
