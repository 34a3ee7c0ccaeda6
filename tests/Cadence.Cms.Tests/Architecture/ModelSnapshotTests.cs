using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Tests.Architecture;

/// <summary>
/// Each feature configures its own tables; moving that configuration around must not change the model the
/// migrations were made from (a changed model would need a new migration, and a forgotten one breaks the database).
/// </summary>
public sealed class ModelSnapshotTests
{
    [Test]
    public void The_model_matches_the_last_migration_snapshot()
    {
        var options = new DbContextOptionsBuilder<CadenceDb>().UseSqlite("Data Source=:memory:").Options;
        using var db = new CadenceDb(options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "the EF model differs from Data/Migrations/CadenceDbModelSnapshot.cs");
    }

    /// <summary>Building the model never connects, so this needs no server.</summary>
    [Test]
    public void The_postgresql_model_matches_its_own_migration_snapshot()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlCadenceDb>().UseNpgsql("Host=127.0.0.1;Database=unused").Options;
        using var db = new PostgreSqlCadenceDb(options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "the EF model differs from Data/Migrations/PostgreSql/PostgreSqlCadenceDbModelSnapshot.cs: add a migration with --context PostgreSqlCadenceDb");
        Assert.That(db.Database.GetMigrations(), Does.Not.Contain("20261126020806_Initial"), "the SQLite migrations are not this context's");
    }
}
