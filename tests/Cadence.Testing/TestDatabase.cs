using System.Data.Common;
using Cadence.Cms.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cadence.Testing;

/// <summary>
/// The one place tests take their database provider from: <c>CADENCE_TEST_DATABASE=PostgreSQL</c> runs every CMS
/// test on a fresh PostgreSQL database in <see cref="PostgresCluster"/>; unset (or <c>Sqlite</c>) keeps the file in
/// the data folder. A data folder remembers its PostgreSQL database, so a CMS restarted on the same folder finds
/// the same data, as it finds the same SQLite file.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "CADENCE_TEST_DATABASE";

    public static DatabaseProvider Provider { get; } = Environment.GetEnvironmentVariable(Variable) switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var name => Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) ? provider
            : throw new InvalidOperationException($"{Variable}={name} is not a provider: use Sqlite or PostgreSQL."),
    };

    /// <summary>The configuration (as <c>Section:Key</c>) that points a CMS using <paramref name="dataPath"/> at its database.</summary>
    public static Task<Dictionary<string, string>> SettingsForAsync(string dataPath) => SettingsForAsync(dataPath, Provider);

    /// <summary>As <see cref="SettingsForAsync(string)"/>, on <paramref name="provider"/> whatever the run's provider.</summary>
    public static async Task<Dictionary<string, string>> SettingsForAsync(string dataPath, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite) return [];
        var remembered = Path.Combine(dataPath, "postgres-connection");
        if (!File.Exists(remembered))
        {
            Directory.CreateDirectory(dataPath);
            await File.WriteAllTextAsync(remembered, await PostgresCluster.Shared.CreateDatabaseAsync());
        }
        return new()
        {
            [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSQL),
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = await File.ReadAllTextAsync(remembered),
        };
    }

    /// <summary>A plain connection to the database of <paramref name="dataPath"/>, open, for a test to look behind the CMS.</summary>
    public static Task<DbConnection> OpenAsync(string dataPath) => OpenAsync(dataPath, Provider);

    public static async Task<DbConnection> OpenAsync(string dataPath, DatabaseProvider provider)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection($"Data Source={Path.Combine(dataPath, "cadence.db")};Pooling=False")
            : new NpgsqlConnection((await SettingsForAsync(dataPath, provider))[$"ConnectionStrings:{DatabaseSetup.ConnectionName}"]);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The same settings as environment variables, for a CMS process.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentForAsync(string dataPath) =>
        (await SettingsForAsync(dataPath)).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
