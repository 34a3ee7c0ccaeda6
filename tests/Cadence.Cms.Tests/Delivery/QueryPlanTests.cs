using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>
/// The delivery API's queries stay cheap as a site grows: the first start analyses the imported content, so
/// SQLite's planner counts a tag's posts through the tag's index instead of scanning every published post.
/// </summary>
public class QueryPlanTests
{
    [Test]
    public async Task After_the_first_import_the_planner_has_statistics_and_counts_tags_through_their_index()
    {
        Assume.That(TestDatabase.Provider, Is.EqualTo(DatabaseProvider.Sqlite), "reads SQLite's own statistics tables and plans");
        // Enough posts for the choice of index to matter: 400 posts over 20 tags.
        var content = RepoPaths.NewTempFolder("many-posts");
        Directory.CreateDirectory(Path.Combine(content, "posts"));
        for (var i = 0; i < 400; i++)
            await File.WriteAllTextAsync(Path.Combine(content, "posts", $"post-{i}.md"),
                $"---\ntitle: \"Post {i}\"\ndate: 2024-01-01T00:00:00Z\ntags: [\"tag-{i % 20}\", \"tag-{(i * 7 + 3) % 20}\"]\n---\nBody {i}.\n");
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:ContentPath"] = content });
        string tagsQuery;
        using (var scope = cms.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            tagsQuery = db.Tags.AsNoTracking().OrderBy(t => t.Slug)
                .Select(t => new { t.Slug, Count = t.Posts.AsQueryable().Count(LivePosts.Rule) })
                .ToQueryString();
        }

        await using var connection = new SqliteConnection($"Data Source={cms.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        var analysed = await Scalar<long>(connection, "SELECT COUNT(DISTINCT tbl) FROM sqlite_stat1 WHERE tbl IN ('Posts', 'PostTags', 'Tags')");
        Assert.That(analysed, Is.EqualTo(3), "statistics for posts, tags and the join between them");

        var plan = await Lines(connection, "EXPLAIN QUERY PLAN " + tagsQuery);
        Assert.That(plan, Has.Some.Contains("IX_PostTags_TagsId"), string.Join("\n", plan));
        Assert.That(plan, Has.None.Contains("IX_Posts_Status_PublishedAt"), "no scan of every published post per tag");
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
