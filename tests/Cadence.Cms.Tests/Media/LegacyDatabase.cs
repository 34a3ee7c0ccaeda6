using Cadence.Cms.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadence.Cms.Tests.Media;

/// <summary>
/// A data folder as the version before the media store left it: the schema up to that version's last migration and
/// an image whose bytes are in the <c>MediaBlobs</c> table, with an old variant still holding its own bytes.
/// </summary>
public static class LegacyDatabase
{
    public const string LastMigrationBeforeStore = "20261202140000_TrustSignals";
    public const string FileName = "old-knee.png";

    public static async Task<string> CreateAsync(byte[] bytes)
    {
        var dataPath = RepoPaths.NewTempFolder("legacy-media");
        var options = new DbContextOptionsBuilder<CadenceDb>().UseSqlite($"Data Source={Path.Combine(dataPath, "cadence.db")}").Options;
        await using (var db = new CadenceDb(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeStore);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO Media (Id, FileName, ContentType, Size, Width, Height, Alt, IsPublic, Sha256, CreatedAt)
                VALUES (7, {FileName}, 'image/png', {bytes.Length}, 64, 48, 'A knee', 1, {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}, '2026-01-02 03:04:05')
                """);
            await db.Database.ExecuteSqlAsync($"INSERT INTO MediaBlobs (MediaFileId, Bytes) VALUES (7, {bytes})");
            await db.Database.ExecuteSqlAsync($"INSERT INTO MediaVariants (MediaFileId, FileName, ContentType, Width, Height, Bytes) VALUES (7, 'abc-64.webp', 'image/webp', 64, 48, {new byte[] { 1, 2 }})");
        }
        SqliteConnection.ClearAllPools();
        return dataPath;
    }

    /// <summary>How many files still have their bytes in the database, read straight from the file.</summary>
    public static async Task<int> BlobsLeftAsync(string dataPath)
    {
        var options = new DbContextOptionsBuilder<CadenceDb>().UseSqlite($"Data Source={Path.Combine(dataPath, "cadence.db")}").Options;
        await using var db = new CadenceDb(options);
        var count = await db.MediaBlobs.CountAsync();
        SqliteConnection.ClearAllPools();
        return count;
    }
}
