using Cadence.Cms.Data;
using Cadence.Cms.Tests.Media;
using Microsoft.Data.Sqlite;

namespace Cadence.Cms.Tests.Data;

/// <summary>A new version that changes the tables of a SQLite database holding a site first keeps a copy of it as it was.</summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UpgradeCopyTests
{
    [SetUp]
    public void OnlySqlite() =>
        Assume.That(TestDatabase.Provider, Is.EqualTo(DatabaseProvider.Sqlite), "the copy is of the SQLite file; PostgreSQL is backed up with pg_dump");

    [Test]
    public async Task Upgrading_keeps_a_private_copy_of_the_database_as_it_was_once()
    {
        var dataPath = await LegacyDatabase.CreateAsync(SampleImages.Png(64, 48));

        await using (await CmsServer.StartAsync(dataPath: dataPath)) { }
        var copies = Directory.GetFiles(dataPath, "cadence.before-*.db");
        Assert.That(copies, Has.Length.EqualTo(1));
        var copy = copies[0];
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(copy), Does.Not.Contain(LegacyDatabase.LastMigrationBeforeStore), "named by the first change it did not have");
            Assert.That(File.GetUnixFileMode(copy), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(Scalar(copy, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1"),
                Is.EqualTo(LegacyDatabase.LastMigrationBeforeStore), "the schema as it was");
            Assert.That(Scalar(copy, "SELECT COUNT(*) FROM MediaBlobs"), Is.EqualTo(1L), "the data as it was, before the upgrade moved it");
        });

        var written = File.GetLastWriteTimeUtc(copy);
        await using (await CmsServer.StartAsync(dataPath: dataPath)) { }
        Assert.That(Directory.GetFiles(dataPath, "cadence.before-*.db"), Is.EqualTo(copies), "an up-to-date database is not copied again");
        Assert.That(File.GetLastWriteTimeUtc(copy), Is.EqualTo(written));
    }

    [Test]
    public async Task A_new_database_gets_no_copy()
    {
        await using var cms = await CmsServer.StartAsync();
        Assert.That(Directory.GetFiles(cms.DataPath, "cadence.before-*.db"), Is.Empty);
    }

    private static object? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
