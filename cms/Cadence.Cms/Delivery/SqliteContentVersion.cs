using Microsoft.Data.Sqlite;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The content version on SQLite, from one dedicated connection that only reads. <c>PRAGMA data_version</c> answers
/// from the connection's own state at the start of a read (no table is read) and changes whenever another connection,
/// in this process or any other, has committed since the last time it was asked; so <c>MAX(Id)</c> is read again only
/// after some commit, and a cache hit costs a few microseconds instead of a pooled context and a query. The
/// connection's own writes would not move it, so it is made unable to write. A lock gives the connection to one
/// caller at a time: each caller asks for itself, after its request began, so no caller is answered with a number
/// read before a commit it must see.
/// </summary>
/// <remarks>
/// Even that pragma takes SQLite's file locks, a handful of system calls that were the largest single cost of a cache
/// hit. So the header of the WAL index is compared first (<see cref="WalIndexHeader"/>, a read of shared memory): while
/// it is as it was when the version was last read, no commit has happened since, and the version stands.
/// </remarks>
internal sealed class SqliteContentVersion : IDisposable
{
    private readonly Lock _turn = new();
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private SqliteCommand? _dataVersion;
    private SqliteCommand? _newestChange;
    private WalIndexHeader? _walIndex;
    private WalIndexHeader.Copies _seenWalIndex;
    private long? _seenDataVersion;
    private long _version;

    public SqliteContentVersion(string connectionString) =>
        // Not pooled: the connection is never handed on to the context pool, which must be able to write; and it
        // never creates a missing file, as only the start-up migration may.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString();

    public long Read()
    {
        lock (_turn)
        {
            try
            {
                if (_connection is null) Open();
                if (_walIndex is not null)
                {
                    // Read before the pragma: a commit after this read changes the header again for the next caller.
                    var walIndex = _walIndex.Read();
                    if (_seenDataVersion is not null && walIndex.Equals(_seenWalIndex)) return _version;
                    _seenWalIndex = walIndex;
                }
                var dataVersion = (long)_dataVersion!.ExecuteScalar()!;
                if (dataVersion != _seenDataVersion)
                {
                    // Read after the data version: a commit between the two is seen now and moves it again for the next caller.
                    _version = _newestChange!.ExecuteScalar() is long id ? id : 0;
                    _seenDataVersion = dataVersion;
                }
                return _version;
            }
            catch
            {
                // A broken connection is opened afresh by the next caller, which then reads MAX(Id) again.
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_turn) Close();
    }

    private void Open()
    {
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA query_only = ON; PRAGMA busy_timeout = 10000;";
            setup.ExecuteNonQuery();
        }
        _dataVersion = _connection.CreateCommand();
        _dataVersion.CommandText = "PRAGMA data_version;";
        _newestChange = _connection.CreateCommand();
        _newestChange.CommandText = ContentVersion.NewestChangeSql;
        // In WAL mode the pragma's read opens the WAL index, which this connection then keeps open (and un-truncated)
        // until it closes. In any other mode a -shm file would be a stale leftover, so every read asks the pragma.
        _dataVersion.ExecuteScalar();
        using var journalMode = _connection.CreateCommand();
        journalMode.CommandText = "PRAGMA journal_mode;";
        if (journalMode.ExecuteScalar() is "wal") _walIndex = WalIndexHeader.TryOpen(_connection.DataSource);
    }

    private void Close()
    {
        _walIndex?.Dispose();
        _dataVersion?.Dispose();
        _newestChange?.Dispose();
        _connection?.Dispose();
        (_dataVersion, _newestChange, _connection, _walIndex, _seenDataVersion) = (null, null, null, null, null);
    }
}
