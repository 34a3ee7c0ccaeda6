using System.Data.Common;
using Cadence.Cms.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Cadence";

    public static IServiceCollection AddCadenceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section)
            .PostConfigure(options => options.ConnectionString = configuration.GetConnectionString(ConnectionName));
        var provider = DatabaseOptions.ProviderOf(configuration);
        services.AddSingleton(_ => new WriteGate(serializes: provider == DatabaseProvider.Sqlite));
        if (provider == DatabaseProvider.PostgreSQL)
            services.AddDbContextPool<CadenceDb, PostgreSqlCadenceDb>((services, options) => options
                .UseNpgsql(Checked(services).ConnectionString, npgsql => npgsql.CommandTimeout(30))
                .AddInterceptors([new VersionStamp(), .. services.GetServices<IInterceptor>()]));
        else
            services.AddDbContextPool<CadenceDb>((services, options) => options
                .UseSqlite(ConnectionString(configuration, Checked(services)), sqlite => sqlite.CommandTimeout(30))
                // A table rebuild's PRAGMA runs outside the migration's transaction; EF warns of it at every fresh start.
                // An upgrade of a database that holds a site is covered by the copy taken first (BackUpBeforeUpgradeAsync).
                .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
                .AddInterceptors([new SqlitePragmas(), new VersionStamp(), .. services.GetServices<IInterceptor>()]));
        // Features register their save and commit interceptors (the site-change recorder, the webhook wake-up) as
        // IInterceptor services, so the database knows none of them.
        return services;
    }

    public static DatabaseProvider Provider(this CadenceDb db) =>
        db is PostgreSqlCadenceDb ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;

    /// <summary>Resolving the options validates them, so a bad setting stops the first use of the database, before any migration.</summary>
    private static DatabaseOptions Checked(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    private static string ConnectionString(IConfiguration configuration, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) ? ConnectionString(configuration) : options.ConnectionString;

    /// <summary>The configured connection string, or the database file in the data folder.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        return string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(CadenceOptions.DataFolder(configuration), "cadence.db")}"
            : configured;
    }

    /// <summary>The full path of the SQLite file the CMS would open; nothing is created.</summary>
    public static string DatabaseFile(IConfiguration configuration) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString(configuration)).DataSource);

    /// <summary>
    /// Applies pending migrations. On SQLite it first creates the file's folder and the file itself privately, and
    /// afterwards switches the file to write-ahead logging (it persists in the file). Only the server's start does
    /// this: the maintenance verbs refuse a missing database instead.
    /// </summary>
    /// <returns>On SQLite, the copy of the database as it was before an upgrade (<see cref="BackUpBeforeUpgradeAsync"/>); else null.</returns>
    public static async Task<string?> MigrateAsync(CadenceDb db, CancellationToken cancellationToken = default)
    {
        if (db.Provider() == DatabaseProvider.PostgreSQL)
        {
            // EF reads the history table before creating it and logs that read's failure as an error on every fresh
            // database; made first (IF NOT EXISTS, under the preparation turn), a first start's log has no false error.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return null;
        }
        EnsureSqliteFolder(db.Database.GetConnectionString()!);
        var copy = await BackUpBeforeUpgradeAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return copy;
    }

    /// <summary>
    /// Before a new version changes the tables of a SQLite database that already holds a site, a consistent copy of
    /// it is written beside it (<c>cadence.before-{first new change}.db</c>, private like the database). Some changes
    /// rebuild a table, which SQLite cannot do inside the migration's transaction; if the process dies in the
    /// middle, that copy is the clinic's site as it was. A fresh database has nothing to keep, and gets no copy.
    /// </summary>
    /// <returns>The copy's path, or null when nothing was pending or the database was new.</returns>
    private static async Task<string?> BackUpBeforeUpgradeAsync(CadenceDb db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).FirstOrDefault();
        if (pending is null || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()) return null;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, $"{Path.GetFileNameWithoutExtension(file)}.before-{pending}.db");
        // VACUUM INTO writes only into a missing or empty file, so an earlier copy of the same upgrade is kept as it
        // was; made empty and private first, the copy is never readable by others.
        if (File.Exists(copy) && new FileInfo(copy).Length > 0) return copy;
        PrivateFiles.EnsureFile(copy);
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}", cancellationToken);
        return copy;
    }

    /// <summary>
    /// Keeps SQLite's query-planner statistics current. Without them the planner guesses, and on a freshly imported
    /// site it counted each tag's posts by scanning every published post (30 ms for 1,000 posts, growing with the
    /// site). After a bulk import every table is analysed; at other starts SQLite re-analyses only tables that
    /// have no statistics or have grown a lot, with a bounded sample. PostgreSQL's autovacuum keeps statistics at
    /// other times, but only minutes after a bulk import, so the import is followed by ANALYZE there too.
    /// </summary>
    public static Task RefreshStatisticsAsync(CadenceDb db, bool afterImport, CancellationToken cancellationToken = default) =>
        db.Provider() == DatabaseProvider.PostgreSQL
            ? afterImport ? db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken) : Task.CompletedTask
            : db.Database.ExecuteSqlRawAsync(afterImport ? "ANALYZE;" : "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", cancellationToken);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var path = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) PrivateFiles.EnsureFolder(folder);
        // Created empty (a valid SQLite database) before SQLite opens it, so it and its -wal/-shm files, which SQLite
        // gives the database file's permissions, are private from the first byte.
        PrivateFiles.EnsureFile(path);
    }

    /// <summary>
    /// Every pooled connection waits for a busy writer instead of failing at once, and trades fsync on every
    /// commit for fsync at checkpoints: with WAL that survives a process crash, which is the failure that matters here.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
