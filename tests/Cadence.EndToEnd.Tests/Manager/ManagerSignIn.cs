using Cadence.Cms.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>Signing in to the manager in Chromium the way a person does, and making people of a given role.</summary>
public static class ManagerSignIn
{
    public const string Password = "granite-willow-ferry-nine";

    public static async Task<IPage> AsAsync(ChromiumSession browser, CmsServer cms, string email = CmsServer.AdminEmail, string password = CmsServer.AdminPassword)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(cms.BaseUrl + "/manager");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/manager/account/sign-in"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A new person with <paramref name="role"/> and <see cref="Password"/>; returns their email.</summary>
    public static async Task<string> NewPersonAsync(CmsServer cms, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password, role);
        return email;
    }
}
