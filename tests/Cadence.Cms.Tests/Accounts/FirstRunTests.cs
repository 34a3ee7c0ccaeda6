using Cadence.Cms.Accounts;
using Cadence.Cms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Accounts;

public class FirstRunTests
{
    [Test]
    public async Task Without_a_configured_password_the_first_admin_gets_a_random_one_printed_once()
    {
        var noPassword = new Dictionary<string, string?> { ["Cadence:Admin:Password"] = null, ["Cadence:Admin:Email"] = null };
        string firstPassword;
        string dataPath;
        await using (var cms = await CmsServer.StartAsync(noPassword))
        {
            dataPath = cms.DataPath;
            Assert.That(cms.FirstRun.AdminEmail, Is.EqualTo(FirstRun.DefaultAdminEmail));
            firstPassword = cms.FirstRun.AdminPassword!;
            Assert.That(firstPassword, Has.Length.GreaterThanOrEqualTo(IdentitySetup.MinimumPasswordLength));
            Assert.That(await PasswordWorks(cms, FirstRun.DefaultAdminEmail, firstPassword), Is.True);

            var welcome = new StringWriter();
            StartupTasks.PrintWelcome(welcome, [cms.BaseUrl], cms.FirstRun);
            Assert.That(welcome.ToString(), Does.Contain(firstPassword).And.Contain(cms.BaseUrl + "/manager"));
        }

        await using (var restarted = await CmsServer.StartAsync(noPassword, dataPath: dataPath))
            Assert.That(restarted.FirstRun.AdminPassword, Is.Null, "a second start shows no password");

        await using var other = await CmsServer.StartAsync(noPassword);
        Assert.That(other.FirstRun.AdminPassword, Is.Not.EqualTo(firstPassword), "never a fixed default");
    }

    [Test]
    public async Task A_configured_admin_is_created_and_its_password_is_not_echoed()
    {
        await using var cms = await CmsServer.StartAsync();
        Assert.That(cms.FirstRun.AdminEmail, Is.EqualTo(CmsServer.AdminEmail));
        Assert.That(cms.FirstRun.AdminPassword, Is.Null);
        Assert.That(await PasswordWorks(cms, CmsServer.AdminEmail, CmsServer.AdminPassword), Is.True);
        Assert.That(cms.FirstRun.ContentKey, Is.Null, "configured keys are not printed");
    }

    [Test]
    public async Task Generated_keys_are_printed_once_and_stored_only_as_hashes()
    {
        var generated = new Dictionary<string, string?> { ["Cadence:ContentKey"] = null, ["Cadence:PreviewKey"] = null };
        await using var cms = await CmsServer.StartAsync(generated);
        var key = cms.FirstRun.ContentKey!;
        Assert.That(key, Does.StartWith("cad_content_"));

        using var response = await cms.Client(key).GetAsync("api/v1/site");
        Assert.That(response.IsSuccessStatusCode, Is.True);

        var database = await File.ReadAllBytesAsync(cms.DatabaseFile);
        var wal = File.Exists(cms.DatabaseFile + "-wal") ? await File.ReadAllBytesAsync(cms.DatabaseFile + "-wal") : [];
        var secret = System.Text.Encoding.UTF8.GetBytes(key);
        Assert.That(database.AsSpan().IndexOf(secret), Is.EqualTo(-1));
        Assert.That(wal.AsSpan().IndexOf(secret), Is.EqualTo(-1));
    }

    private static async Task<bool> PasswordWorks(CmsServer cms, string email, string password)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password) && await users.IsInRoleAsync(user, Roles.Admin);
    }
}
