using Cadence.Cms.Delivery;
using Microsoft.Data.Sqlite;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>
/// The header of SQLite's WAL index, which a cache hit compares instead of asking the database whether anything was
/// committed: on a real database file, with commits from other connections.
/// </summary>
public class WalIndexHeaderTests
{
    private string _database = null!;
    private SqliteConnection _reader = null!;
    private SqliteConnection _writer = null!;

    [SetUp]
    public void Open()
    {
        _database = Path.Combine(RepoPaths.NewTempFolder("wal-index"), "site.db");
        _writer = Connect();
        Execute(_writer, "PRAGMA journal_mode = WAL; CREATE TABLE Changes (Id INTEGER PRIMARY KEY, Slug TEXT);");
        _reader = Connect();
        Execute(_reader, "SELECT COUNT(*) FROM Changes;"); // opens the WAL index, as the content version's connection does
    }

    [TearDown]
    public void Close()
    {
        _reader.Dispose();
        _writer.Dispose();
    }

    [Test]
    public void Every_commit_of_another_connection_changes_the_header_and_reading_alone_does_not()
    {
        using var header = WalIndexHeader.TryOpen(_reader.DataSource)!;
        Assert.That(header, Is.Not.Null);
        var seen = header.Read();
        for (var round = 1; round <= 20; round++)
        {
            Execute(_reader, "SELECT COUNT(*) FROM Changes;");
            Assert.That(header.Read(), Is.EqualTo(seen), $"round {round}: nothing committed");
            Execute(_writer, $"INSERT INTO Changes (Slug) VALUES ('post-{round}');");
            var now = header.Read();
            Assert.That(now, Is.Not.EqualTo(seen), $"round {round}: after a commit");
            seen = now;
        }
    }

    [Test]
    public void A_log_restarted_by_a_checkpoint_and_written_to_the_same_length_reads_differently()
    {
        // One commit before and one after the restart: the same number of frames in the log, so the header must tell
        // the two apart by more than the log's length (its change counter and salts).
        Execute(_writer, "INSERT INTO Changes (Slug) VALUES ('a');");
        using var header = WalIndexHeader.TryOpen(_reader.DataSource)!;
        var seen = header.Read();
        Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        Execute(_writer, "INSERT INTO Changes (Slug) VALUES ('b');");
        Assert.That(header.Read(), Is.Not.EqualTo(seen));
    }

    [Test]
    public void A_database_without_a_WAL_index_has_no_header_to_read()
    {
        var rollback = Path.Combine(RepoPaths.NewTempFolder("rollback-journal"), "site.db");
        using (var connection = new SqliteConnection($"Data Source={rollback};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE Changes (Id INTEGER PRIMARY KEY);");
        }
        Assert.That(WalIndexHeader.TryOpen(rollback), Is.Null);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
