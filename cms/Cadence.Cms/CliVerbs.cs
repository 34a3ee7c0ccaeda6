using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Seeding;

namespace Cadence.Cms;

/// <summary>
/// Maintenance verbs on the CMS binary, against the configured database (which must exist: a verb never makes one):
/// <c>user create</c>, <c>user reset-password</c>, <c>keys create</c>, <c>export</c> and <c>copy-database</c>.
/// Errors are one line on stderr with exit code 1; usage mistakes exit with 2.
/// </summary>
public static class CliVerbs
{
    private const string Usage = """
        Usage:
          Cadence.Cms user create --email <email> --role Admin|Editor|Author [--password <password>]
          Cadence.Cms user reset-password --email <email> [--password <password>]
          Cadence.Cms keys create --kind content|preview [--name <name>]
          Cadence.Cms export --out <folder>
          Cadence.Cms copy-database --to <PostgreSQL connection string>
        Without --password a random one is made and printed once.
        """;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "user" or "keys" or "export" or "copy-database" or "help" or "--help";

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var verb = string.Join(' ', args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)));
        var options = Options(args);
        if (verb is "help" or "" || !Known.Contains(verb) || options is null)
        {
            (verb is "help" or "" ? stdout : stderr).WriteLine(Usage);
            return verb is "help" or "" ? 0 : 2;
        }

        var builder = CmsApp.CreateBuilder(args.Where(a => !Known.Contains(a)).ToArray());
        // A mistyped or defaulted path must not quietly start a second, empty CMS: refuse, and create nothing.
        var database = DatabaseOptions.ProviderOf(builder.Configuration) == DatabaseProvider.Sqlite ? DatabaseSetup.DatabaseFile(builder.Configuration) : null;
        if (database is not null && !File.Exists(database))
        {
            stderr.WriteLine($"error: there is no Cadence database at {database}: start the CMS once to create it, or set Cadence__DataPath to the folder that holds cadence.db.");
            return 1;
        }

        var app = CmsApp.Build(builder);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            var db = services.GetRequiredService<CadenceDb>();
            await using (await PreparationTurn.TakeAsync(db))
            {
                await DatabaseSetup.MigrateAsync(db);
                await KeyFolderImport.ImportAsync(db, CadenceOptions.DataFolder(builder.Configuration));
                await services.GetRequiredService<Media.LegacyBlobMove>().RunAsync();
            }
            await services.GetRequiredService<UserAccounts>().EnsureRolesAsync();
            return await (verb switch
            {
                "user create" => CreateUser(services, options, stdout),
                "user reset-password" => ResetPassword(services, options, stdout),
                "keys create" => CreateKey(services, options, stdout),
                "copy-database" => CopyDatabase(services, options, stdout),
                _ => Export(services, options, stdout),
            });
        }
        catch (Exception e) when (e is AccountException or MissingOptionException or ArgumentException or IOException or DatabaseCopyException or Npgsql.NpgsqlException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static readonly string[] Known = ["user create", "user reset-password", "keys create", "export", "copy-database", "user", "keys", "create", "reset-password"];

    private static async Task<int> CreateUser(IServiceProvider services, Dictionary<string, string> options, TextWriter stdout)
    {
        var email = Required(options, "email");
        var role = Required(options, "role");
        var password = options.GetValueOrDefault("password") ?? Passwords.Random();
        await services.GetRequiredService<UserAccounts>().CreateAsync(email, role, password);
        stdout.WriteLine(options.ContainsKey("password") ? $"Created {role} {email}." : $"Created {role} {email} with password {password}");
        return 0;
    }

    private static async Task<int> ResetPassword(IServiceProvider services, Dictionary<string, string> options, TextWriter stdout)
    {
        var email = Required(options, "email");
        var password = options.GetValueOrDefault("password") ?? Passwords.Random();
        await services.GetRequiredService<UserAccounts>().ResetPasswordAsync(email, password);
        stdout.WriteLine(options.ContainsKey("password") ? $"Password reset for {email}." : $"Password reset for {email}: {password}");
        return 0;
    }

    private static async Task<int> CreateKey(IServiceProvider services, Dictionary<string, string> options, TextWriter stdout)
    {
        var kind = Required(options, "kind") switch
        {
            "content" => ApiKeyKind.Content,
            "preview" => ApiKeyKind.Preview,
            var other => throw new ArgumentException($"--kind must be content or preview, not '{other}'."),
        };
        var secret = await services.GetRequiredService<ApiKeys>().CreateAsync(kind, options.GetValueOrDefault("name") ?? $"{kind} key from the command line");
        stdout.WriteLine(secret);
        return 0;
    }

    private static async Task<int> Export(IServiceProvider services, Dictionary<string, string> options, TextWriter stdout)
    {
        var folder = Required(options, "out");
        var count = await services.GetRequiredService<ContentExporter>().ExportAsync(folder);
        stdout.WriteLine($"Exported {count} posts to {Path.GetFullPath(folder)}");
        return 0;
    }

    private static async Task<int> CopyDatabase(IServiceProvider services, Dictionary<string, string> options, TextWriter stdout)
    {
        var tables = await DatabaseCopy.ToPostgreSqlAsync(services.GetRequiredService<CadenceDb>(), Required(options, "to"));
        stdout.WriteLine($"Copied {tables.Sum(t => t.Rows)} rows in {tables.Count} tables to PostgreSQL.");
        return 0;
    }

    /// <summary>--name value pairs after the verb; null when one has no value.</summary>
    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            if (args[i].Contains('=')) continue; // configuration such as --ConnectionStrings:Cadence=…
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return null;
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.GetValueOrDefault(name) ?? throw new MissingOptionException($"--{name} is required.");

    private sealed class MissingOptionException(string message) : Exception(message);
}
