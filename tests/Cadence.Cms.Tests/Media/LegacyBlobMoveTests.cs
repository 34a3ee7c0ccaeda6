using System.Net;
using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Media;

/// <summary>A clinic upgrading from the version that kept media in the database: its files move to the store at start.</summary>
public sealed class LegacyBlobMoveTests
{
    // That version ran on SQLite only: no PostgreSQL database ever held media bytes.
    [SetUp]
    public void OnlySqlite() =>
        Assume.That(TestDatabase.Provider, Is.EqualTo(DatabaseProvider.Sqlite), "media were kept in the database only by versions that ran on SQLite alone");

    [Test]
    public async Task Media_in_the_database_moves_to_the_store_at_start_once_and_is_served_from_there()
    {
        var bytes = SampleImages.Png(64, 48);
        var dataPath = await LegacyDatabase.CreateAsync(bytes);

        string key;
        await using (var cms = await CmsServer.StartAsync(dataPath: dataPath))
        {
            var (media, blobs, oldVariants) = await StateAsync(cms);
            key = media.StoreKey!;
            Assert.That(key, Does.StartWith("originals/").And.EndWith(LegacyDatabase.FileName));
            Assert.That(blobs, Is.Zero, "the old bytes are cleared once the store has them");
            Assert.That(oldVariants, Is.False, "variants with bytes in the database are dropped, to be made again");
            Assert.That(await File.ReadAllBytesAsync(Path.Combine(dataPath, "media", key)), Is.EqualTo(bytes));
            using var served = await cms.Client().GetAsync("media/" + LegacyDatabase.FileName);
            Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        }

        await using (var again = await CmsServer.StartAsync(dataPath: dataPath))
        {
            Assert.That((await StateAsync(again)).Media.StoreKey, Is.EqualTo(key), "a second start moves nothing");
            using var served = await again.Client().GetAsync("media/" + LegacyDatabase.FileName);
            Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        }
    }

    [Test]
    public async Task When_the_store_refuses_the_bytes_the_cms_does_not_start_and_the_database_keeps_them()
    {
        using var s3 = await S3rverProcess.StartAsync("clinic-media");
        var dataPath = await LegacyDatabase.CreateAsync(SampleImages.Png(64, 48));
        var settings = new Dictionary<string, string?>(TestMediaStore.S3(s3)) { ["Cadence:Media:S3:Bucket"] = "no-such-bucket" };

        Assert.That(async () => await CmsServer.StartAsync(settings, dataPath: dataPath), Throws.Exception);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.That(await LegacyDatabase.BlobsLeftAsync(dataPath), Is.EqualTo(1), "nothing is cleared before the store has the bytes");

        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>(TestMediaStore.S3(s3)), dataPath: dataPath);
        var (media, blobs, _) = await StateAsync(cms);
        Assert.That(blobs, Is.Zero);
        Assert.That(media.StoreKey, Is.Not.Null, "moved by the start that could write to the store");
        using var served = await cms.Client().GetAsync("media/" + LegacyDatabase.FileName);
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<(MediaFile Media, int Blobs, bool OldVariants)> StateAsync(CmsServer cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        return (await db.Media.AsNoTracking().SingleAsync(m => m.FileName == LegacyDatabase.FileName), await db.MediaBlobs.CountAsync(),
            await db.Set<MediaVariant>().AnyAsync(v => v.FileName == "abc-64.webp"));
    }
}
