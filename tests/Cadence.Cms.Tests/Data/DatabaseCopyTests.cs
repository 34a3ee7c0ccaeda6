using System.Net;
using System.Text.RegularExpressions;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Cadence.Cms.Tests.Forms;
using Cadence.Cms.Tests.Manager;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Data;

/// <summary>
/// <c>copy-database</c> moves a clinic from its SQLite file to a new PostgreSQL database: the CMS started on the
/// copy signs the owner in and shows the same content, inbox and media, and goes on numbering rows after the copy's.
/// </summary>
public class DatabaseCopyTests
{
    private static readonly Dictionary<string, string?> OnSqlite = new()
    {
        ["Cadence:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
    };

    [Test]
    public async Task A_sqlite_clinic_copied_into_postgresql_reads_back_the_same_through_http()
    {
        var dataPath = RepoPaths.NewTempFolder("copy-source");
        var image = SampleImages.Jpeg(640, 400);
        string mediaName, livePosts;
        await using (var sqlite = await CmsServer.StartAsync(Settings(OnSqlite, dataPath), dataPath: dataPath))
        {
            using var sent = await FormPosts.FetchAsync(sqlite, "contact-therapist", FormPosts.Contact("moved@runner.test"));
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            await using var scope = sqlite.Services.CreateAsyncScope();
            mediaName = (await scope.ServiceProvider.GetRequiredService<MediaLibrary>().AddAsync("moved.jpg", image, isPublic: true)).FileName;
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(Editor.Email, "Editor", Editor.Password);
            using var api = sqlite.Client(sqlite.ContentKey);
            livePosts = Slugs(await api.GetStringAsync("api/v1/posts?limit=100"));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var target = await PostgresCluster.Shared.CreateDatabaseAsync();
        var (exit, output, error) = await Copy(dataPath, target);
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Match("Copied \\d+ rows in \\d+ tables"));

        var onPostgres = new Dictionary<string, string?>
        {
            ["Cadence:Database:Provider"] = nameof(DatabaseProvider.PostgreSQL),
            ["ConnectionStrings:Cadence"] = target,
        };
        await using var postgres = await CmsServer.StartAsync(Settings(onPostgres, dataPath), dataPath: dataPath);
        using var editor = await ManagerSession.SignedInAsync(postgres, Editor.Email, Editor.Password);
        var inbox = await editor.GetAsync("/manager/inbox");
        Assert.That(await inbox.Content.ReadAsStringAsync(), Does.Contain("moved@runner.test"), "the inbox came across");
        using var reader = postgres.Client(postgres.ContentKey);
        Assert.That(Slugs(await reader.GetStringAsync("api/v1/posts?limit=100")), Is.EqualTo(livePosts).And.Not.Empty, "the same live posts in the same order");
        Assert.That(await reader.GetByteArrayAsync($"media/{mediaName}"), Is.EqualTo(image), "the upload is served");
        using var another = await FormPosts.FetchAsync(postgres, "contact-therapist", FormPosts.Contact("after@runner.test"));
        Assert.That(another.StatusCode, Is.EqualTo(HttpStatusCode.Created), "new rows are numbered after the copied ones");

        var again = await Copy(dataPath, target);
        Assert.That(again.Exit, Is.EqualTo(1));
        Assert.That(again.Error, Does.StartWith("error: the target database is not empty"));
    }

    private static class Editor
    {
        public const string Email = "editor@clinic.test";
        public const string Password = "quiet-meadow-lantern-frost";
    }

    private static string Slugs(string json) => string.Join(' ', Regex.Matches(json, "\"slug\":\"([^\"]+)\"").Select(m => m.Groups[1].Value));

    /// <summary>The clinic's settings with the same content key, so both CMSs answer the same reader.</summary>
    private static Dictionary<string, string?> Settings(Dictionary<string, string?> database, string dataPath) => new(database)
    {
        ["Cadence:ContentKey"] = "copy-content-key-0123456789abcdef",
        ["Cadence:DataPath"] = dataPath,
        ["ConnectionStrings:Cadence"] = database.GetValueOrDefault("ConnectionStrings:Cadence") ?? $"Data Source={Path.Combine(dataPath, "cadence.db")}",
    };

    private static async Task<(int Exit, string Out, string Error)> Copy(string dataPath, string target)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliVerbs.RunAsync(
            ["copy-database", "--to", target, $"--Cadence:DataPath={dataPath}", "--Cadence:Database:Provider=Sqlite",
             $"--ConnectionStrings:Cadence=Data Source={Path.Combine(dataPath, "cadence.db")}", "--Logging:LogLevel:Default=Warning"],
            stdout, stderr);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
