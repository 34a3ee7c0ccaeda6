using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cadence.Cms.Data;

/// <summary>
/// The same model on PostgreSQL. Its own type gives it its own migrations (Data/Migrations/PostgreSql, found by
/// <c>[DbContext(typeof(PostgreSqlCadenceDb))]</c>); every service still asks for <see cref="CadenceDb"/>.
/// </summary>
public sealed class PostgreSqlCadenceDb(DbContextOptions<PostgreSqlCadenceDb> options) : CadenceDb(options)
{
    /// <summary>
    /// Two conventions keep behaviour the same as on SQLite. Text compares and sorts byte-wise (collation "C", what
    /// SQLite's BINARY does) whatever locale the server was set up with, so slugs and tags keep their order. Times
    /// are stored as written, without a zone, as SQLite stores them: every time the CMS writes is UTC by
    /// convention, and timestamptz would refuse the unspecified kind that times read back from the database carry.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<string>().UseCollation("C");
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone");
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlCadenceDb</c> build the model without a server: adding a
/// migration compares models and never connects.
/// </summary>
public sealed class PostgreSqlCadenceDbDesignFactory : IDesignTimeDbContextFactory<PostgreSqlCadenceDb>
{
    public PostgreSqlCadenceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCadenceDb>().UseNpgsql("Host=127.0.0.1;Database=cadence_design").Options);
}
