using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Media;
using Cadence.Cms.Seeding;
using Cadence.Cms.Webhooks;
using Microsoft.Extensions.Options;

namespace Cadence.Cms;

/// <summary>
/// Migrates the database, moves media kept in it by earlier versions to the media store, makes the first Admin and
/// keys, and imports the starter content when empty.
/// </summary>
public static class StartupTasks
{
    public static async Task<FirstRunReport> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        // Before anything writes there (sign-in keys, the database, mail): the data folder is the CMS user's alone.
        var dataFolder = PrivateFiles.EnsureFolder(CadenceOptions.DataFolder(provider.GetRequiredService<IConfiguration>()));
        var db = provider.GetRequiredService<CadenceDb>();
        await using var turn = await PreparationTurn.TakeAsync(db, cancellationToken);
        if (await DatabaseSetup.MigrateAsync(db, cancellationToken) is { } copy)
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup))
                .LogInformation("Upgraded the database; a copy of it as it was before is at {Copy}", copy);
        // Before anything reads the key ring, so it starts with the keys older cookies and secrets were made with.
        await KeyFolderImport.ImportAsync(db, dataFolder, cancellationToken);
        // Before anything reads media: files an earlier version kept in the database go to the media store.
        await provider.GetRequiredService<LegacyBlobMove>().RunAsync(cancellationToken);
        var report = await provider.GetRequiredService<FirstRun>().RunAsync(cancellationToken);
        var options = provider.GetRequiredService<IOptions<CadenceOptions>>().Value;
        // Seeding an empty database is not an edit: there is no built site yet for a webhook to refresh.
        bool imported;
        using (QuietWebhooks.For(db))
            imported = await provider.GetRequiredService<ContentImporter>().ImportIfEmptyAsync(LocalPaths.Resolve(options.ContentPath), cancellationToken);
        await DatabaseSetup.RefreshStatisticsAsync(db, imported, cancellationToken);
        return report;
    }

    /// <summary>Prints what a person needs to start, once the server listens. Secrets appear here and nowhere else.</summary>
    public static void PrintWelcome(TextWriter output, IEnumerable<string> urls, FirstRunReport report)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5000";
        output.WriteLine();
        output.WriteLine("Cadence CMS is running.");
        output.WriteLine($"  Manager:        {url}{ManagerRoutes.Home}");
        output.WriteLine($"  API reference:  {url}/api/reference");
        if (report.AdminEmail is not null)
            output.WriteLine($"  Sign in as:     {report.AdminEmail} with the password in Cadence__Admin__Password");
        // One line, so a person (or the build script) can find it: the owner makes their account there.
        if (report.SetupPath is not null)
            output.WriteLine($"Set up the owner's account (this address works once, for {SetupInvitation.Lifetime.TotalHours:0} hours): {url}{report.SetupPath}");
        if (report.ContentKey is not null) output.WriteLine($"  Content key:    {report.ContentKey}   (shown once)");
        if (report.PreviewKey is not null) output.WriteLine($"  Preview key:    {report.PreviewKey}   (shown once)");
        output.WriteLine();
        output.Flush();
    }
}
