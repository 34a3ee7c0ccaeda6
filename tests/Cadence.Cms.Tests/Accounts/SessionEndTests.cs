using System.Net;
using System.Text.RegularExpressions;
using Cadence.Cms.Accounts;
using Cadence.Cms.Tests.Manager;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>A sign-in cookie copied before the account's sessions end stops working at once.</summary>
public class SessionEndTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task Signing_out_ends_a_copied_cookie_and_the_persons_other_sessions()
    {
        var email = await TestAccounts.CreateAsync(_cms, Roles.Editor, "signout");
        using var browser = await ManagerSession.SignedInAsync(_cms, email, TestAccounts.Password);
        using var laptop = await ManagerSession.SignedInAsync(_cms, email, TestAccounts.Password);
        using var thief = browser.CopyCookies();
        await AssertInAsync(thief, "the copied cookie works before sign-out");

        var signOut = await browser.SubmitAsync("/manager/account/sign-out", []);
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        await AssertOutAsync(thief, "the cookie copied before sign-out");
        await AssertOutAsync(laptop, "the same person's other session");
        await AssertOutAsync(browser, "the browser that signed out");
    }

    [Test]
    public async Task Changing_the_password_keeps_this_session_and_ends_every_other()
    {
        var email = await TestAccounts.CreateAsync(_cms, Roles.Author, "change");
        using var session = await ManagerSession.SignedInAsync(_cms, email, TestAccounts.Password);
        using var thief = session.CopyCookies();
        using var other = await ManagerSession.SignedInAsync(_cms, email, TestAccounts.Password);

        var changed = await session.SubmitAsync("/manager/account/password", new() { ["Current"] = TestAccounts.Password, ["New"] = "velvet-otter-canal-bridge" });
        Assert.That(changed.Headers.Location!.ToString(), Is.EqualTo("/manager/account/profile"));

        await AssertInAsync(session, "the session that changed the password");
        await AssertOutAsync(thief, "a cookie copied before the change");
        await AssertOutAsync(other, "another session of the account");
    }

    [Test]
    public async Task Resetting_the_password_by_mail_ends_every_session()
    {
        var email = await TestAccounts.CreateAsync(_cms, Roles.Editor, "reset");
        using var open = await ManagerSession.SignedInAsync(_cms, email, TestAccounts.Password);

        using var stranger = new ManagerSession(_cms);
        await stranger.SubmitAsync("/manager/account/forgot-password", new() { ["Email"] = email });
        var body = (await OutboxReader.MessagesToAsync(_cms, email)).Single().TextBody ?? "";
        var path = new Uri(Regex.Match(body, @"http\S+reset-password\S+").Value).PathAndQuery;
        var reset = await stranger.SubmitAsync(path, new() { ["Password"] = "harbour-lantern-orchard-seven" });
        Assert.That(reset.Headers.Location!.ToString(), Is.EqualTo("/manager/account/sign-in"));

        await AssertOutAsync(open, "a session open before the reset");
    }

    internal static async Task AssertInAsync(ManagerSession session, string who)
    {
        var page = await session.GetAsync("/manager/posts");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), who);
    }

    internal static async Task AssertOutAsync(ManagerSession session, string who)
    {
        var page = await session.GetAsync("/manager/posts");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), who);
        Assert.That(page.Headers.Location!.ToString(), Does.StartWith("/manager/account/sign-in"), who);
    }
}
