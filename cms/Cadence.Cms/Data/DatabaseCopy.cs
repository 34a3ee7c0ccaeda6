using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cadence.Cms.Data;

/// <summary>
/// Copies every row of the CMS's database into a new, empty PostgreSQL database: content, revisions, media rows,
/// accounts, API keys, submissions, subscribers, outboxes, webhooks, settings, the changes feed and the
/// data-protection keys. Tables go one at a time, each after the tables its foreign keys point at, through EF Core
/// on both sides, so every value is read and written by its own provider's mapping. Keys keep their values (links
/// between rows, the changes feed's cursors and sign-in cookies stay valid) and the target's identity sequences
/// then continue after them. No save hook runs: a copied row is not an edit, so no change or webhook is recorded.
/// </summary>
public static class DatabaseCopy
{
    public static async Task<IReadOnlyList<(string Table, int Rows)>> ToPostgreSqlAsync(CadenceDb source, string connectionString, CancellationToken cancellationToken = default)
    {
        await using var target = new PostgreSqlCadenceDb(new DbContextOptionsBuilder<PostgreSqlCadenceDb>().UseNpgsql(connectionString).Options);
        await target.Database.MigrateAsync(cancellationToken);
        var types = InDependencyOrder(target.Model);
        foreach (var type in types)
        {
            if (await Rows(target, type).AnyAsync(cancellationToken))
                throw new DatabaseCopyException($"the target database is not empty (table {type.GetTableName()} has rows): copy into a new, empty database.");
        }

        var copied = new List<(string, int)>();
        foreach (var type in types)
        {
            var rows = await Rows(source, type).ToListAsync(cancellationToken);
            foreach (var row in rows) Add(source, target, type, row);
            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
            source.ChangeTracker.Clear();
            await ContinueSequencesAsync(target, type, rows.Count, cancellationToken);
            copied.Add((type.GetTableName()!, rows.Count));
        }
        await DatabaseSetup.RefreshStatisticsAsync(target, afterImport: true, cancellationToken);
        return copied;
    }

    /// <summary>The row as a new entry of the target; a join table's row is a property bag, copied as a new one.</summary>
    private static void Add(CadenceDb source, CadenceDb target, IEntityType type, object row)
    {
        if (type.HasSharedClrType)
        {
            target.Set<Dictionary<string, object>>(type.Name).Add(new Dictionary<string, object>((Dictionary<string, object>)row));
            return;
        }
        var from = source.Entry(row);
        var to = target.Entry(row);
        to.State = EntityState.Added;
        foreach (var property in type.GetProperties())
        {
            var value = from.Property(property.Name).CurrentValue;
            // SQLite gives times back without a kind; the CMS only ever stores UTC, and PostgreSQL wants it said.
            // DateTime equality ignores the kind, so the entry would take the new value as no change: set the member.
            if (value is DateTime { Kind: DateTimeKind.Unspecified } time && property.PropertyInfo is { CanWrite: true } member)
                member.SetValue(row, DateTime.SpecifyKind(time, DateTimeKind.Utc));
            else if (value is DateTime { Kind: DateTimeKind.Unspecified } fieldTime && property.FieldInfo is { } field)
                field.SetValue(row, DateTime.SpecifyKind(fieldTime, DateTimeKind.Utc));
            else if (property.IsShadowProperty())
                to.Property(property.Name).CurrentValue = value; // the instance carries the rest itself
        }
    }

    private static IQueryable<object> Rows(CadenceDb db, IEntityType type) => type.HasSharedClrType
        ? db.Set<Dictionary<string, object>>(type.Name)
        : (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;

    /// <summary>Rows were inserted with their keys, which leaves the identity sequence at its start: move it past them.</summary>
    private static async Task ContinueSequencesAsync(CadenceDb target, IEntityType type, int rows, CancellationToken cancellationToken)
    {
        if (rows == 0) return;
        var table = type.GetTableName()!;
        foreach (var key in type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
        {
            var column = key.GetColumnName();
#pragma warning disable EF1002 // names come from the model, not from input
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), (SELECT MAX(\"{column}\") FROM \"{table}\"))", cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>Every table's entity type, each after the types its foreign keys point at (a table's own rows excepted).</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t) && t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType) || !types.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The model's foreign keys form a cycle between tables.");
            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }
        return ordered;
    }
}

public sealed class DatabaseCopyException(string message) : Exception(message);
