using System.Data.Common;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The content version: the id of the newest row of the changes feed. Every save that changes what the API answers
/// writes such a row in its own transaction (<see cref="Content.SiteChangeRecorder"/>), so the number rises with the
/// very commit that changes the content, in the database every instance shares.
/// </summary>
/// <remarks>
/// Every cached read asks for it before its cache lookup, so asking must cost next to nothing and still never miss a
/// commit made by any instance; it never goes through EF Core. On SQLite it is asked of one dedicated connection that
/// notices other connections' commits without reading a table (<see cref="SqliteContentVersion"/>). Server databases
/// have no such signal; there each call reads <c>MAX(Id)</c> on a plain connection from the provider's own pool.
/// </remarks>
public sealed class ContentVersion : IDisposable
{
    internal const string NewestChangeSql = "SELECT MAX(\"Id\") FROM \"ContentChanges\"";

    private readonly SqliteContentVersion? _sqlite;
    private readonly DbProviderFactory _provider;
    private readonly string _connectionString;

    public ContentVersion(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<CadenceDb>().Database;
        _connectionString = database.GetConnectionString()!;
        _provider = DbProviderFactories.GetFactory(database.GetDbConnection())
            ?? throw new InvalidOperationException("The database's connection type names no ADO.NET provider factory.");
        if (database.IsSqlite()) _sqlite = new SqliteContentVersion(_connectionString);
    }

    public async ValueTask<long> ReadAsync(CancellationToken cancellationToken)
    {
        if (_sqlite is not null) return _sqlite.Read();
        await using var connection = _provider.CreateConnection()!;
        connection.ConnectionString = _connectionString;
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = NewestChangeSql;
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : 0;
    }

    public void Dispose() => _sqlite?.Dispose();
}
