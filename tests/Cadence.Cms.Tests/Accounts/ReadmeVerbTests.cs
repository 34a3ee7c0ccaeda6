using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Cadence.Cms.Tests.Manager;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>
/// The README's maintenance verbs, as a reader types them, against the database <c>./build.sh --target=run</c> uses:
/// in a checkout laid out like this one, the CMS started as the run target starts it (from the root, no data path),
/// the owner's account made in the browser, then each verb from the project folder as <c>dotnet run --project</c> runs it.
/// </summary>
public class ReadmeVerbTests
{
    private const string RunPrefix = "dotnet run --project cms/Cadence.Cms -- ";

    [Test]
    public async Task Every_maintenance_verb_in_the_readme_works_on_the_run_targets_database()
    {
        Assume.That(TestDatabase.Provider, Is.EqualTo(Cadence.Cms.Data.DatabaseProvider.Sqlite), "the README's commands use the default database, which needs no server");
        var verbs = ReadmeVerbs();
        Assert.That(verbs.Select(v => string.Join(' ', v.TakeWhile(a => !a.StartsWith("--")))),
            Is.EquivalentTo(new[] { "user create", "user reset-password", "keys create", "export" }));
        var ownerEmail = Option(verbs.Single(v => v[1] == "reset-password"), "--email");

        var checkout = RepoPaths.NewTempFolder("checkout");
        await File.WriteAllTextAsync(Path.Combine(checkout, "Cadence.slnx"), "<Solution />");
        var project = Directory.CreateDirectory(Path.Combine(checkout, "cms", "Cadence.Cms")).FullName;

        await using (var cms = await CmsProcess.StartAsync(new Dictionary<string, string>(), checkout: checkout))
        {
            var setup = await SetupAddressAsync(cms);
            using var owner = new ManagerSession(cms.BaseUrl);
            var created = await owner.SubmitAsync(setup, new()
            {
                ["Name"] = "Clinic Owner", ["Email"] = ownerEmail, ["Password"] = "first-harbour-lantern", ["ConfirmPassword"] = "first-harbour-lantern",
            });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), cms.Output);
        }
        Assert.That(File.Exists(Path.Combine(checkout, ".data", "cadence.db")), "the run target's database is the checkout's .data");

        string? newPassword = null;
        var export = RepoPaths.NewTempFolder("readme-export");
        foreach (var verb in verbs)
        {
            var args = verb.Select(a => a == "/tmp/exported-content" ? export : a).ToArray(); // not a shared /tmp folder
            var (exit, output) = await RunVerbAsync(project, args);
            Assert.That(exit, Is.Zero, $"{string.Join(' ', verb)}\n{output}");
            if (verb[1] == "reset-password")
                newPassword = Regex.Match(output, $"Password reset for {Regex.Escape(ownerEmail)}: (\\S+)").Groups[1].Value;
            if (verb[0] == "keys") Assert.That(output, Does.Contain("cad_content_"));
            if (verb[0] == "export") Assert.That(Directory.GetFiles(Path.Combine(export, "posts"), "*.md"), Is.Not.Empty);
        }
        Assert.That(Directory.Exists(Path.Combine(project, ".data")), Is.False, "no second database beside the project");
        Assert.That(newPassword, Is.Not.Empty);

        await using var restarted = await CmsProcess.StartAsync(new Dictionary<string, string>(), checkout: checkout);
        using var session = new ManagerSession(restarted.BaseUrl);
        var signIn = await session.SignInAsync(ownerEmail, newPassword!);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the reset password opens the manager");
        Assert.That(restarted.Output, Does.Not.Contain("/manager/setup/"), "an owner exists: no setup address");
    }

    /// <summary>The lines of the README's maintenance block, each as the arguments after <c>--</c>.</summary>
    private static List<string[]> ReadmeVerbs()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = Regex.Match(readme, "Maintenance verbs.*?```sh\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.StartsWith(RunPrefix, StringComparison.Ordinal) ? line[RunPrefix.Length..] : throw new AssertionException($"Not a verb line: {line}"))
            .Select(args => args.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    private static string Option(string[] args, string name) => args[Array.IndexOf(args, name) + 1];

    private static async Task<string> SetupAddressAsync(CmsProcess cms)
    {
        // Printed as the server starts listening, which can be a moment after it first answers.
        for (var i = 0; i < 50 && !cms.Output.Contains("/manager/setup/"); i++) await Task.Delay(100);
        return Regex.Match(cms.Output, "(/manager/setup/\\S+)").Groups[1].Value;
    }

    /// <summary>The built CMS run the way <c>dotnet run --project cms/Cadence.Cms</c> runs it, from the project folder.</summary>
    private static async Task<(int Exit, string Output)> RunVerbAsync(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [CmsProcess.CmsDll, .. args])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
