using Cadence.Cms;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Accounts;

public class FirstRunTests
{
    [Test]
    public async Task Without_a_configured_password_no_account_is_made_and_each_start_prints_a_new_setup_address()
    {
        var noPassword = new Dictionary<string, string?> { ["Cadence:Admin:Password"] = null, ["Cadence:Admin:Email"] = null };
        string firstSetup;
        string dataPath;
        await using (var cms = await CmsServer.StartAsync(noPassword))
        {
            dataPath = cms.DataPath;
            Assert.That(cms.FirstRun.AdminEmail, Is.Null);
            firstSetup = cms.FirstRun.SetupPath!;
            Assert.That(firstSetup, Does.StartWith("/manager/setup/"));
            await using var scope = cms.Services.CreateAsyncScope();
            Assert.That(scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().Users.Any(), Is.False, "never a default account");

            var welcome = new StringWriter();
            StartupTasks.PrintWelcome(welcome, [cms.BaseUrl], cms.FirstRun);
            Assert.That(welcome.ToString().Split('\n').Where(l => l.Contains("/manager/setup/")).ToList(),
                Is.EqualTo(new[] { $"Set up the owner's account (this address works once, for 24 hours): {cms.BaseUrl}{firstSetup}" }));
        }

        await using var restarted = await CmsServer.StartAsync(noPassword, dataPath: dataPath);
        Assert.That(restarted.FirstRun.SetupPath, Is.Not.Null.And.Not.EqualTo(firstSetup), "still no owner: a new address");
        using var session = new Manager.ManagerSession(restarted);
        Assert.That((await session.GetAsync(firstSetup)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Gone), "the old address died with its process");
    }

    [Test]
    public async Task A_configured_admin_is_created_and_its_password_is_not_echoed()
    {
        await using var cms = await CmsServer.StartAsync();
        Assert.That(cms.FirstRun.AdminEmail, Is.EqualTo(CmsServer.AdminEmail));
        Assert.That(cms.FirstRun.SetupPath, Is.Null, "an Admin exists: no setup address");
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

        if (TestDatabase.Provider != Cadence.Cms.Data.DatabaseProvider.Sqlite)
        {
            // No file to search on a server: every stored text of every key row instead.
            await using var connection = await TestDatabase.OpenAsync(cms.DataPath);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT concat_ws(' ', \"Name\", \"Hash\", \"Prefix\") FROM \"ApiKeys\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            for (; await reader.ReadAsync(); rows++) Assert.That(reader.GetString(0), Does.Not.Contain(key));
            Assert.That(rows, Is.GreaterThan(0));
            return;
        }
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
