using System.Data.Common;
using Cadence.Cms.Data;

namespace Cadence.Testing;

/// <summary>The two kinds of backend several CMS instances share in the tests.</summary>
public enum Backend
{
    /// <summary>One SQLite file and one media folder, both in a data folder the instances share (one machine).</summary>
    SqliteAndFolder,

    /// <summary>One PostgreSQL database and one S3 bucket; each instance keeps its own data folder (several machines).</summary>
    PostgreSqlAndS3,
}

/// <summary>
/// What several CMS instances in one test share: the database, and the media with the data-protection keys (in the
/// shared data folder on SQLite; in the bucket and the database on PostgreSQL). The one place that chooses them, so
/// moving the multi-instance tests to another database or media store changes this file only.
/// </summary>
public sealed class SharedBackend
{
    private SharedBackend(string folder, DatabaseProvider provider, IReadOnlyDictionary<string, string?> database, S3rverProcess? s3)
    {
        Folder = folder;
        Provider = provider;
        Database = database;
        S3 = s3;
    }

    /// <summary>The shared data folder: keys, media, and here the SQLite file (WAL lets several processes use it).</summary>
    public string Folder { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>The server whose bucket holds the media, when they are in S3.</summary>
    public S3rverProcess? S3 { get; }

    /// <summary>Configuration that points an instance at the shared database only; its other files stay its own.</summary>
    public IReadOnlyDictionary<string, string?> Database { get; }

    /// <summary>
    /// Configuration for an instance that shares everything: the database and the data folder, or with S3 media the
    /// database and the bucket only, so nothing can pass between instances through a folder.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Everything => S3 is null
        ? new Dictionary<string, string?>(Database) { ["Cadence:DataPath"] = Folder }
        : new Dictionary<string, string?>(Database.Concat(TestMediaStore.S3(S3)));

    /// <summary><see cref="Everything"/> as environment variables, for <see cref="CmsProcess"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Everything.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    /// <summary>A shared database on the provider the test run uses (<see cref="TestDatabase"/>), and a shared folder.</summary>
    public static Task<SharedBackend> CreateAsync() => CreateAsync(TestDatabase.Provider, s3: null);

    /// <summary>A fresh shared database and media store of the given kind, whatever the test run's provider.</summary>
    public static async Task<SharedBackend> CreateAsync(Backend backend) => backend == Backend.PostgreSqlAndS3
        ? await CreateAsync(DatabaseProvider.PostgreSQL, await TestMediaStore.SharedS3Async())
        : await CreateAsync(DatabaseProvider.Sqlite, s3: null);

    /// <summary>A plain connection to the shared database, open, for a test to look behind the instances.</summary>
    public Task<DbConnection> OpenDatabaseAsync() => TestDatabase.OpenAsync(Folder, Provider);

    private static async Task<SharedBackend> CreateAsync(DatabaseProvider provider, S3rverProcess? s3)
    {
        var folder = RepoPaths.NewTempFolder("shared");
        var database = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cadence"] = $"Data Source={Path.Combine(folder, "cadence.db")}",
        };
        foreach (var (key, value) in await TestDatabase.SettingsForAsync(folder, provider)) database[key] = value;
        return new SharedBackend(folder, provider, database, s3);
    }
}
