using System.Net;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Tests.Data;

/// <summary>The provider is chosen by configuration, refused by name when wrong, and PostgreSQL serves instances that start together.</summary>
public class DatabaseProviderTests
{
    [Test]
    public void An_unknown_provider_is_refused_by_name()
    {
        var error = Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Database:Provider"] = "Oracle" }));
        Assert.That(error!.Message, Is.EqualTo("Cadence:Database:Provider 'Oracle' is not a database provider: use Sqlite or PostgreSQL."));
    }

    [Test]
    public void PostgreSQL_without_a_connection_string_is_refused_by_name()
    {
        var error = Assert.ThrowsAsync<OptionsValidationException>(async () => await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Cadence"] = null,
        }));
        Assert.That(error!.Message, Does.StartWith("Cadence:Database:Provider is PostgreSQL, so ConnectionStrings:Cadence is required"));
        Assert.That(error.Message, Does.Not.Contain("\n"), "one line");
    }

    [Test]
    public async Task Two_instances_starting_at_once_on_one_fresh_postgresql_database_migrate_and_seed_it_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cadence:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Cadence"] = await PostgresCluster.Shared.CreateDatabaseAsync(),
        };
        var servers = await Task.WhenAll(CmsServer.StartAsync(settings), CmsServer.StartAsync(settings));
        try
        {
            await using var scope = servers[0].Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            Assert.That(db, Is.InstanceOf<PostgreSqlCadenceDb>());
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(await scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>().Users.CountAsync(), Is.EqualTo(1), "one first admin");
            var starter = new[] { "posts", "pages" }.Sum(folder => Directory.GetFiles(Path.Combine(RepoPaths.Content, folder), "*.md").Length);
            Assert.That(await db.Posts.CountAsync(), Is.EqualTo(starter), "the starter content was imported once");
            foreach (var server in servers)
            {
                using var ready = await server.Client().GetAsync("health/ready");
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), server.BaseUrl);
            }
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
