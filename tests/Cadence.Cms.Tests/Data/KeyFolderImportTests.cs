using Cadence.Cms.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Data;

/// <summary>A clinic whose keys were in the data folder keeps its cookies and secrets readable after keys moved into the database.</summary>
public class KeyFolderImportTests
{
    private const string Purpose = "Cadence.Cms.Webhooks.Secrets";

    [Test]
    public async Task A_secret_protected_with_the_old_keys_folder_still_reads_and_the_keys_are_imported_once()
    {
        var dataPath = RepoPaths.NewTempFolder("old-keys");
        var keys = Directory.CreateDirectory(Path.Combine(dataPath, "keys"));
        string token;
        // As the CMS kept its keys before: the file system, under the same application name.
        await using (var before = new ServiceCollection().AddDataProtection().SetApplicationName("Cadence.Cms").PersistKeysToFileSystem(keys).Services.BuildServiceProvider())
            token = before.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("whsec-from-last-year");
        var files = keys.GetFiles("*.xml").Length;
        Assert.That(files, Is.EqualTo(1));

        await using (var cms = await CmsServer.StartAsync(dataPath: dataPath))
        {
            Assert.That(cms.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(token), Is.EqualTo("whsec-from-last-year"));
            Assert.That(await KeyCount(cms), Is.EqualTo(files));
        }

        await using var restarted = await CmsServer.StartAsync(dataPath: dataPath);
        Assert.That(await KeyCount(restarted), Is.EqualTo(files), "a second start imports nothing again");
        Assert.That(restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(token), Is.EqualTo("whsec-from-last-year"));
    }

    private static async Task<int> KeyCount(CmsServer cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().DataProtectionKeys.CountAsync();
    }
}
