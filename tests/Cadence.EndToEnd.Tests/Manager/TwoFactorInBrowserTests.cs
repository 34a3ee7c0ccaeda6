using Cadence.Cms.Accounts;
using Microsoft.Playwright;
using OtpNet;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>Setting up two-factor sign-in as a person does, with the codes an authenticator app would show.</summary>
public class TwoFactorInBrowserTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task A_person_scans_the_qr_code_turns_it_on_and_signs_in_with_a_code()
    {
        var email = await ManagerSignIn.NewPersonAsync(_cms, Roles.Editor);
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms, email, ManagerSignIn.Password);
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) blocked.Add(message.Text); };

        await page.GotoAsync(_cms.BaseUrl + "/manager/account/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code to scan with your authenticator app" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.That(await qr.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(100), "the inline QR code is drawn under the CSP");
        Assert.That(blocked, Is.Empty);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            await page.ScreenshotAsync(new() { Path = Screenshot($"accounts-two-factor-setup-{width}.png"), FullPage = true });
        }

        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Trim();
        await page.GetByLabel("Code from the app").FillAsync(CodeFor(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(AuthenticatorApp.RecoveryCodeCount);
        await page.ScreenshotAsync(new() { Path = Screenshot("accounts-two-factor-codes-390.png"), FullPage = true });

        await browser.Context.ClearCookiesAsync(); // as on another device
        var next = await browser.NewPageAsync();
        await next.SetViewportSizeAsync(390, 844);
        await next.GotoAsync(_cms.BaseUrl + "/manager");
        await next.GetByLabel("Email").FillAsync(email);
        await next.GetByLabel("Password").FillAsync(ManagerSignIn.Password);
        await next.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(next.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
        await next.ScreenshotAsync(new() { Path = Screenshot("accounts-sign-in-code-390.png") });
        await next.GetByLabel("Code", new() { Exact = true }).FillAsync(CodeFor(key));
        await next.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(next.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    private static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp();

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
