using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Delivery;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>
/// The delivery API's queries stay cheap as a site grows: the first start analyses the imported content, and the
/// planner answers the lists and their totals from indexes and the tag list from the tags alone, never by reading post rows one by one
/// (each holds its body before the columns a filter reads).
/// </summary>
public class QueryPlanTests
{
    [Test]
    public async Task After_the_first_import_the_planner_has_statistics_and_reads_lists_and_tag_counts_from_indexes()
    {
        Assume.That(TestDatabase.Provider, Is.EqualTo(DatabaseProvider.Sqlite), "reads SQLite's own statistics tables and plans");
        // Enough posts for the choice of index to matter: 400 posts over 20 tags.
        var content = RepoPaths.NewTempFolder("many-posts");
        Directory.CreateDirectory(Path.Combine(content, "posts"));
        for (var i = 0; i < 400; i++)
            await File.WriteAllTextAsync(Path.Combine(content, "posts", $"post-{i}.md"),
                $"---\ntitle: \"Post {i}\"\ndate: 2024-01-{1 + i % 28:00}T00:00:00Z\nauthor: \"Author {i % 5}\"\ntags: [\"tag-{i % 20}\", \"tag-{(i * 7 + 3) % 20}\"]\n---\nBody {i}.\n");
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:ContentPath"] = content });
        string tagsQuery;
        (string Sql, string Index)[] queries;
        using (var scope = cms.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            tagsQuery = TaxonomyEndpoints.TagCounts(db).ToQueryString();
            var byTag = new PostQuery(1, 10, "tag-3", null, null, PostQuery.Orders[0], false, [PostStatus.Published]).Apply(db.Posts.AsNoTracking());
            var live = db.Posts.AsNoTracking().Where(p => p.Kind == PostKind.Post).WhereLive();
            queries =
            [
                (live.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Skip(100).Take(10).Select(p => p.Id).ToQueryString(), "USING INDEX IX_Posts_"),
                ("SELECT COUNT(*) FROM (" + live.Select(p => p.Id).ToQueryString() + ")", "IX_Posts_Live"),
                (live.Where(p => p.Author!.Slug == "author-3").OrderByDescending(p => p.PublishedAt).Select(p => p.Id).ToQueryString(), "IX_Posts_Live_AuthorId"),
                // ?tag=: the page and its total walk an index of posts in order, checking each post's links
                // in the key of PostTags.
                (byTag.Skip(10).Take(10).Select(p => p.Id).ToQueryString(), "USING INDEX IX_Posts_"),
                ("SELECT COUNT(*) FROM (" + Inlined(byTag.Select(p => p.Id).ToQueryString()) + ")", "USING INDEX IX_Posts_"),
            ];
        }

        await using var connection = new SqliteConnection($"Data Source={cms.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        var analysed = await Scalar<long>(connection, "SELECT COUNT(DISTINCT tbl) FROM sqlite_stat1 WHERE tbl IN ('Posts', 'PostTags', 'Tags')");
        Assert.That(analysed, Is.EqualTo(3), "statistics for posts, tags and the join between them");

        // The tag counts are kept with the tags: the list reads the tags alone, however many posts carry them.
        var plan = await Lines(connection, "EXPLAIN QUERY PLAN " + tagsQuery);
        var shown = tagsQuery + "\n" + string.Join("\n", plan);
        Assert.That(plan, Has.Some.Contains("IX_Tags_Slug"), shown);
        Assert.That(plan, Has.None.Contains("Posts").And.None.Contains("PostTags").And.None.Contains("CORRELATED"), shown);

        // A page of the posts list is read in order from an index (no sort of every post); its total and an author's
        // list come from the live-post indexes, never from the rows themselves (each holds its body before the columns
        // the filter reads).
        foreach (var (query, index) in queries)
        {
            var steps = await Lines(connection, "EXPLAIN QUERY PLAN " + Inlined(query));
            Assert.That(steps, Has.Some.Contains(index), query + "\n" + string.Join("\n", steps));
            Assert.That(steps, Has.None.StartsWith("SCAN p").And.None.Contains("TEMP B-TREE"), string.Join("\n", steps));
        }
    }

    /// <summary>ToQueryString declares parameters as <c>.param set @name value</c> lines, for the sqlite3 shell only.</summary>
    private static string Inlined(string query)
    {
        var lines = query.Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            sql = sql.Replace(parts[2], parts[3].TrimEnd('\r'), StringComparison.Ordinal);
        }
        return sql;
    }

    private static async Task<T> Scalar<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> Lines(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }
}
