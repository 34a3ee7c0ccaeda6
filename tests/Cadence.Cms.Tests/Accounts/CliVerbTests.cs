using Cadence.Cms;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>The maintenance verbs, run as the CLI runs them, against a real database file.</summary>
public class CliVerbTests
{
    private string _dataPath = null!;

    /// <summary>A verb works on a database the CMS made; it never makes one itself.</summary>
    [SetUp]
    public async Task NewDatabase()
    {
        _dataPath = RepoPaths.NewTempFolder("cli");
        await (await CmsServer.StartAsync(dataPath: _dataPath)).DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var database = (await TestDatabase.SettingsForAsync(_dataPath)).Select(s => $"--{s.Key}={s.Value}");
        var exit = await CliVerbs.RunAsync([.. args, $"--Cadence:DataPath={_dataPath}", "--Logging:LogLevel:Default=Warning", .. database], stdout, stderr);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task Creates_a_user_with_a_random_password_and_resets_it()
    {
        var created = await Run("user", "create", "--email", "editor@clinic.test", "--role", "Editor");
        Assert.That(created.Exit, Is.Zero, created.Error);
        Assert.That(created.Out, Does.Match("Created Editor editor@clinic.test with password \\S{20}"));

        var reset = await Run("user", "reset-password", "--email", "editor@clinic.test", "--password", "tidal-orchard-pebble");
        Assert.That(reset.Exit, Is.Zero, reset.Error);
        Assert.That(reset.Out, Does.Contain("Password reset for editor@clinic.test"));
    }

    [Test]
    public async Task Mistakes_are_one_line_errors_with_a_non_zero_exit()
    {
        var badRole = await Run("user", "create", "--email", "x@clinic.test", "--role", "Owner");
        Assert.That(badRole.Exit, Is.EqualTo(1));
        Assert.That(badRole.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(badRole.Error, Does.StartWith("error: Role must be one of"));

        var unknown = await Run("user", "reset-password", "--email", "nobody@clinic.test");
        Assert.That(unknown.Exit, Is.EqualTo(1));
        Assert.That(unknown.Error, Does.Contain("No user has the email"));

        var weak = await Run("user", "create", "--email", "y@clinic.test", "--role", "Author", "--password", "short");
        Assert.That(weak.Exit, Is.EqualTo(1));

        var missingValue = await Run("keys", "create", "--kind");
        Assert.That(missingValue.Exit, Is.EqualTo(2));
    }

    [Test]
    public async Task A_verb_pointed_at_a_missing_database_says_so_in_one_line_and_creates_nothing()
    {
        Assume.That(TestDatabase.Provider, Is.EqualTo(Cadence.Cms.Data.DatabaseProvider.Sqlite), "a PostgreSQL database is made by its operator, never by the CMS");
        _dataPath = Path.Combine(RepoPaths.NewTempFolder("cli-missing"), "no-such-data");
        foreach (var verb in new[] { new[] { "user", "reset-password", "--email", "ada@stride.test" }, ["keys", "create", "--kind", "content"], ["export", "--out", Path.Combine(_dataPath, "out")] })
        {
            var run = await Run(verb);
            Assert.That(run.Exit, Is.EqualTo(1), string.Join(' ', verb));
            Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.StartWith("error: there is no Cadence database at " + Path.Combine(_dataPath, "cadence.db")));
            Assert.That(Directory.Exists(_dataPath), Is.False, "no folder, no file");
        }
    }

    [Test]
    public async Task Creates_keys_that_the_api_accepts()
    {
        var created = await Run("keys", "create", "--kind", "preview");
        Assert.That(created.Exit, Is.Zero, created.Error);
        var secret = created.Out.Trim();
        Assert.That(secret, Does.StartWith("cad_preview_"));

        await using var cms = await CmsServer.StartAsync(dataPath: _dataPath);
        using var response = await cms.Client(secret).GetAsync("api/v1/posts?status=draft");
        Assert.That(response.IsSuccessStatusCode, Is.True, "a preview key may list drafts");
    }
}
