using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadence.Cms.Data;

/// <summary>
/// Instances that start together on one PostgreSQL database take turns preparing it (migrations, the first admin,
/// the starter import), so each step runs once and a later instance finds it done. The turn is a session advisory
/// lock on its own connection: it is released when the connection closes, also when the instance dies holding it.
/// SQLite serves one instance, whose start is the only one preparing the file.
/// </summary>
public sealed class PreparationTurn : IAsyncDisposable
{
    /// <summary>Any fixed number that no other advisory lock on the database uses ("Cadence" in ASCII).</summary>
    private const long LockKey = 0x43616465_6E6365;

    private readonly NpgsqlConnection? connection;

    private PreparationTurn(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<PreparationTurn> TakeAsync(CadenceDb db, CancellationToken cancellationToken = default)
    {
        if (db.Provider() != DatabaseProvider.PostgreSQL) return new PreparationTurn(null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new PreparationTurn(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
        await command.ExecuteNonQueryAsync();
        await connection.DisposeAsync();
    }
}
