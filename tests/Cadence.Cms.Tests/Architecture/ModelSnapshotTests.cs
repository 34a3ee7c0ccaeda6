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
}
