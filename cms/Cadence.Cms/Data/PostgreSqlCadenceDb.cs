using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Data;

/// <summary>
/// The same model on PostgreSQL. Its own type gives it its own migrations (Data/Migrations/PostgreSql, found by
/// <c>[DbContext(typeof(PostgreSqlCadenceDb))]</c>); every service still asks for <see cref="CadenceDb"/>.
/// </summary>
public sealed class PostgreSqlCadenceDb(DbContextOptions<PostgreSqlCadenceDb> options) : CadenceDb(options)
{
    /// <summary>
    /// Text compares and sorts byte-wise (collation "C", what SQLite's BINARY does) whatever locale the server was
    /// set up with, so slugs and tags keep their order and equality stays case-sensitive on both providers.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
