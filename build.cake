// Cadence build script. List the targets: ./build.sh --description
//   ./build.sh --target=run        CMS + site + live rebuild on publish, on this machine
//   ./build.sh --target=test       everything the tests need, then all tests
//   ./build.sh --target=publish --api=<cms url> --key=<content key> [--deploy-dir=<folder> | --deploy-branch=gh-pages]
using System.Diagnostics;
using System.Security.Cryptography;

var target = Argument("target", "test");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".")).FullPath;
var solution = $"{root}/Cadence.slnx";
var cmsProject = $"{root}/cms/Cadence.Cms/Cadence.Cms.csproj";
var siteProject = $"{root}/site/Cadence.Site/Cadence.Site.csproj";
var deployProject = $"{root}/tools/Cadence.Deploy/Cadence.Deploy.csproj";

Task("build")
    .Description("Builds the whole solution.")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));

Task("test")
    .Description("Installs what the tests need (Chromium, a C linker for the native site build), runs every test in Cadence.slnx, then the CMS tests again on PostgreSQL.")
    .Does(() =>
{
    EnsureChromium();
    EnsureNativeLinker();
    EnsurePostgreSql();
    var failures = new List<string>();
    var results = $"{root}/.test-results";
    if (System.IO.Directory.Exists(results)) System.IO.Directory.Delete(results, recursive: true);
    // A few tests wait on real servers, browsers and clocks on a shared machine. A run's failed tests are run once
    // more on their own: a test that passes then is printed as FLAKY (so it is seen and fixed, not hidden); a test
    // that fails twice, or more than a handful failing, fails the target.
    void Run(string what, string project, Dictionary<string, string> environment, bool noBuild)
    {
        var folder = $"{results}/{what.Replace(' ', '-')}";
        if (Test(project, environment, noBuild, folder, filter: null)) return;
        var failed = FailedTests(folder);
        PrintFailedTests(what, failed);
        if (failed.Count == 0 || failed.Count > 5) { failures.Add($"{what}: {failed.Count} failed"); return; }
        var filter = string.Join("|", failed.Select(t => $"FullyQualifiedName~{t.ClassName}.{t.Method}"));
        Information($"{what}: running the {failed.Count} failed test(s) once more: {filter}");
        if (Test(project, environment, noBuild: true, $"{folder}-again", filter))
            foreach (var test in failed) Warning("{0}", $"FLAKY ({what}): {test.ClassName}.{test.Name} failed, then passed on its own");
        else
        {
            PrintFailedTests($"{what}, again", FailedTests($"{folder}-again"));
            failures.Add($"{what}: failed twice");
        }
    }
    bool Test(string project, Dictionary<string, string> environment, bool noBuild, string folder, string filter)
    {
        try
        {
            DotNetTest(project, new DotNetTestSettings { Configuration = configuration, NoBuild = noBuild, EnvironmentVariables = environment, Filter = filter, Loggers = { "console;verbosity=normal", "trx" }, ResultsDirectory = folder });
            return true;
        }
        catch (Exception e) { Warning("{0}", e.Message); return false; }
    }
    Run("all tests", solution, new Dictionary<string, string>(), noBuild: false);
    // The same CMS tests on the second provider: each test server gets a fresh database in a cluster the tests start.
    Run("CMS tests on PostgreSQL", $"{root}/tests/Cadence.Cms.Tests/Cadence.Cms.Tests.csproj", new Dictionary<string, string> { ["CADENCE_TEST_DATABASE"] = "PostgreSQL" }, noBuild: true);
    if (failures.Count > 0) throw new Exception(string.Join("; ", failures));
});

Task("run")
    .Description("Runs the CMS (SQLite in .data/, starter content, fresh keys) and the site's serve, which rebuilds on every publish. Ctrl+C stops both; --fresh starts over.")
    .Does(() =>
{
    var cmsPort = Argument("cms-port", 5000);
    var sitePort = Argument("site-port", 5080);
    // The CMS's own default from a checkout (relative paths start at the repository root), so the README's
    // maintenance verbs, typed without any setting, work on this very database.
    var data = $"{root}/.data";
    if (HasArgument("fresh") && System.IO.Directory.Exists(data)) System.IO.Directory.Delete(data, recursive: true);

    DotNetBuild(cmsProject, new DotNetBuildSettings { Configuration = configuration });
    DotNetBuild(siteProject, new DotNetBuildSettings { Configuration = configuration });

    var cmsUrl = $"http://127.0.0.1:{cmsPort}";
    var siteUrl = $"http://127.0.0.1:{sitePort}";
    var contentKey = RandomSecret();
    var previewKey = RandomSecret();
    var webhookSecret = RandomSecret();
    var previewSecret = RandomSecret();
    var cmsEnvironment = new Dictionary<string, string>
    {
        ["Cadence__ContentKey"] = contentKey,
        ["Cadence__PreviewKey"] = previewKey,
        ["Cadence__PublicUrl"] = cmsUrl,
        // serve listens on loopback, which webhooks refuse unless allowed.
        ["Cadence__Webhooks__AllowPrivateTargets"] = "true",
        ["Cadence__Webhooks__Endpoints__0__Url"] = $"{siteUrl}/_cadence/rebuild",
        ["Cadence__Webhooks__Endpoints__0__Secret"] = webhookSecret,
        ["Cadence__Webhooks__Debounce"] = Argument("debounce", "00:00:02"),
        ["Cadence__Webhooks__RetryBaseDelay"] = "00:00:02",
        ["Cadence__Scheduling__Interval"] = "00:00:05",
        // The manager's Preview button shows drafts through serve, exactly as the site will.
        ["Cadence__Site__PreviewUrl"] = siteUrl,
        ["Cadence__Site__PreviewSecret"] = previewSecret,
    };
    if (HasArgument("content")) cmsEnvironment["Cadence__ContentPath"] = MakeAbsolute(Directory(Argument<string>("content"))).FullPath;

    var processes = new List<Process>();
    using var stop = new System.Threading.CancellationTokenSource();
    // Ctrl+C in a terminal, or SIGTERM from a supervisor: stop both children rather than leaving them behind.
    using var onInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
    using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
    try
    {
        // The CMS prints its one-time setup address while no owner account exists; the banner repeats it.
        string setupUrl = null;
        using var setupSeen = new System.Threading.ManualResetEventSlim();
        processes.Add(Launch("cms", Dll(cmsProject), ["--urls", cmsUrl], cmsEnvironment, line =>
        {
            var at = line.IndexOf($"{cmsUrl}/manager/setup/", StringComparison.Ordinal);
            if (at < 0) return;
            setupUrl = line[at..].Trim();
            setupSeen.Set();
        }));
        WaitForHealth($"{cmsUrl}/healthz", processes[0], TimeSpan.FromSeconds(90));
        setupSeen.Wait(TimeSpan.FromSeconds(2)); // printed as the server starts listening, moments before health answers
        var siteOut = $"{root}/artifacts/run-site";
        processes.Add(Launch("site", Dll(siteProject),
            ["serve", "--api", cmsUrl, "--key", contentKey, "--preview-key", previewKey, "--preview-secret", previewSecret, "--out", siteOut, "--port", sitePort.ToString(), "--webhook-secret", webhookSecret],
            new Dictionary<string, string>()));

        Information("");
        Information("Cadence is running.");
        Information($"  Manager:          {cmsUrl}/manager");
        Information(setupUrl is null
            ? "  Sign in with the account you made in the browser (forgot the password? \"Forgot password\" on the sign-in page mails a link)."
            : $"  Set up:           {setupUrl}   (open it to make your account: it works once)");
        Information($"  Site (serve):     {siteUrl}/");
        Information($"  Data:             {data} (--fresh starts over from the starter content)");
        Information($"  Mail:             not sent: each email is a .eml file in {data}/mail-pickup");
        Information($"  Content key:      {contentKey}");
        Information($"  Preview key:      {previewKey}");
        Information($"  Webhook secret:   {webhookSecret}");
        Information("Publish a post in the manager and reload the site. Ctrl+C stops both.");
        while (!stop.IsCancellationRequested && processes.All(p => !p.HasExited)) stop.Token.WaitHandle.WaitOne(500);
        var exited = processes.FirstOrDefault(p => p.HasExited);
        if (exited is not null && !stop.IsCancellationRequested) throw new Exception($"{exited.StartInfo.Arguments.Split(' ')[0]} exited with {exited.ExitCode}.");
    }
    finally
    {
        foreach (var process in processes)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
});

Task("publish")
    .Description("Builds the site from a CMS (--api/--key or CADENCE_API/CADENCE_CONTENT_KEY) and deploys it to a folder (--deploy-dir, default artifacts/public) or a git branch (--deploy-branch gh-pages [--deploy-remote origin]).")
    .Does(() =>
{
    var api = Argument<string>("api", null) ?? EnvironmentVariable("CADENCE_API");
    var key = Argument<string>("key", null) ?? EnvironmentVariable("CADENCE_CONTENT_KEY");
    if (string.IsNullOrEmpty(api) || string.IsNullOrEmpty(key))
        throw new Exception("Give --api=<cms url> and --key=<content key>, or set CADENCE_API and CADENCE_CONTENT_KEY.");
    var output = Argument("out", $"{root}/artifacts/site");
    DotNetBuild(siteProject, new DotNetBuildSettings { Configuration = configuration });
    var siteArguments = new List<string> { "build", "--api", api, "--key", key, "--out", output };
    if (HasArgument("base-url")) siteArguments.AddRange(["--base-url", Argument<string>("base-url")]);
    RunOrFail("dotnet", [Dll(siteProject), .. siteArguments]);

    var branch = Argument<string>("deploy-branch", null);
    if (branch is null)
    {
        var folder = MakeAbsolute(Directory(Argument("deploy-dir", $"{root}/artifacts/public"))).FullPath;
        if (folder != MakeAbsolute(Directory(output)).FullPath)
        {
            if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
            CopyDirectory(output, folder);
        }
        Information($"Deployed to {folder}");
        return;
    }
    // The same script the publish workflow runs: one commit on top of the existing branch, pushed.
    RunOrFail("bash", [$"{root}/.ci/deploy-branch", MakeAbsolute(Directory(output)).FullPath, branch, Argument("deploy-remote", "origin")]);
});

Task("native")
    .Description("Publishes the site and the bucket deploy tool as native executables: artifacts/bin/site/Cadence.Site, artifacts/bin/deploy/Cadence.Deploy (what CI caches per code version).")
    .Does(() =>
{
    EnsureNativeLinker();
    foreach (var (project, folder) in new[] { (siteProject, "site"), (deployProject, "deploy") })
        DotNetPublish(project, new DotNetPublishSettings { Configuration = configuration, Runtime = "linux-x64", OutputDirectory = $"{root}/artifacts/bin/{folder}" });
});

Task("bench")
    .Description("Runs every benchmark script under bench/ (executable *.sh) and prints their figures.")
    .Does(() =>
{
    var scripts = GetFiles($"{root}/bench/*.sh").OrderBy(f => f.FullPath).ToList();
    if (scripts.Count == 0) Information("No benchmark scripts under bench/.");
    foreach (var script in scripts)
    {
        Information($"== {script.GetFilename()}");
        RunOrFail("bash", [script.FullPath]);
    }
});

RunTarget(target);

// ---------------------------------------------------------------------------------------------

string Dll(string project)
{
    var name = System.IO.Path.GetFileNameWithoutExtension(project);
    return $"{System.IO.Path.GetDirectoryName(project)}/bin/{configuration}/net10.0/{name}.dll";
}

static string RandomSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

/// <param name="onLine">When given, the child's output is read line by line (and still shown) so the caller can watch it.</param>
Process Launch(string name, string dll, IEnumerable<string> arguments, IDictionary<string, string> environment, Action<string> onLine = null)
{
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = onLine is not null };
    start.ArgumentList.Add(dll);
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    foreach (var (key, value) in environment) start.Environment[key] = value;
    start.Environment["DOTNET_NOLOGO"] = "1";
    Information($"Starting {name}: dotnet {System.IO.Path.GetFileName(dll)} {string.Join(' ', arguments.Where(a => !a.Contains("key") && a.Length < 40))}");
    var process = Process.Start(start) ?? throw new Exception($"Could not start {name}.");
    if (onLine is not null)
    {
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Console.WriteLine(e.Data);
            onLine(e.Data);
        };
        process.BeginOutputReadLine();
    }
    return process;
}

void WaitForHealth(string url, Process process, TimeSpan timeout)
{
    using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    var deadline = DateTime.UtcNow + timeout;
    while (DateTime.UtcNow < deadline)
    {
        if (process.HasExited) throw new Exception($"The CMS exited with {process.ExitCode}.");
        try
        {
            if (http.GetAsync(url).GetAwaiter().GetResult().IsSuccessStatusCode) return;
        }
        catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException) { }
        System.Threading.Thread.Sleep(200);
    }
    throw new Exception($"{url} did not answer within {timeout}.");
}

void RunOrFail(string file, IEnumerable<string> arguments, string workingDirectory = null)
{
    var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory ?? root, UseShellExecute = false };
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    using var process = Process.Start(start) ?? throw new Exception($"Could not start {file}.");
    process.WaitForExit();
    if (process.ExitCode != 0) throw new Exception($"{file} exited with {process.ExitCode}.");
}

void EnsureChromium() => EnsureDebianPackage("/usr/bin/chromium", "chromium", "the browser tests");

// The CMS tests start their own PostgreSQL cluster (tests/Cadence.Testing/PostgresCluster.cs): they need its server binaries.
void EnsurePostgreSql()
{
    var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => System.IO.File.Exists(System.IO.Path.Combine(folder, "initdb")));
    var installed = System.IO.Directory.Exists("/usr/lib/postgresql")
        && System.IO.Directory.GetDirectories("/usr/lib/postgresql").Any(version => System.IO.File.Exists(System.IO.Path.Combine(version, "bin", "initdb")));
    if (onPath || installed) return;
    if (Environment.UserName != "root")
        throw new Exception("PostgreSQL is missing (no initdb), and the CMS tests run on it too: install it with 'sudo apt-get install -y postgresql'.");
    // Debian puts initdb under /usr/lib/postgresql/<version>/bin, never /usr/bin: the check above already found it missing.
    EnsureDebianPackage("/usr/bin/initdb", "postgresql", "the CMS tests on PostgreSQL");
}

// A native (ahead-of-time) publish of the site links with the system C compiler: gcc or clang.
void EnsureNativeLinker()
{
    if (System.IO.File.Exists("/usr/bin/gcc") || System.IO.File.Exists("/usr/bin/clang")) return;
    EnsureDebianPackage("/usr/bin/gcc", "gcc", "the native build of the site");
}

void EnsureDebianPackage(string file, string package, string neededFor)
{
    if (System.IO.File.Exists(file)) return;
    if (Environment.UserName != "root")
    {
        Warning($"{package} is missing and this is not root: install it with 'sudo apt-get install -y {package}' for {neededFor}.");
        return;
    }
    Information($"Installing {package} for {neededFor}.");
    var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
    if (StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", EnvironmentVariables = environment }) != 0)
        throw new Exception("apt-get update failed.");
    if (StartProcess("apt-get", new ProcessSettings { Arguments = $"install -y -qq {package}", EnvironmentVariables = environment }) != 0)
        throw new Exception($"apt-get install {package} failed.");
}

static void CopyDirectory(string from, string to)
{
    foreach (var directory in System.IO.Directory.EnumerateDirectories(from, "*", System.IO.SearchOption.AllDirectories))
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, directory)));
    System.IO.Directory.CreateDirectory(to);
    foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", System.IO.SearchOption.AllDirectories))
        System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)), overwrite: true);
}


// The console log of a full run is long and interleaved with server logs; the failed tests' names and messages are
// read from the run's TRX files and printed again at its end, so a red run says at once what failed.
record FailedTest(string ClassName, string Method, string Name, string Message, string Stack);

List<FailedTest> FailedTests(string resultsFolder)
{
    var found = new List<FailedTest>();
    if (!System.IO.Directory.Exists(resultsFolder)) return found;
    System.Xml.Linq.XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    foreach (var trx in System.IO.Directory.GetFiles(resultsFolder, "*.trx", SearchOption.AllDirectories))
    {
        var document = System.Xml.Linq.XDocument.Load(trx);
        var methods = document.Descendants(ns + "UnitTest").ToDictionary(t => (string)t.Attribute("id"), t => t.Element(ns + "TestMethod"));
        foreach (var result in document.Descendants(ns + "UnitTestResult").Where(r => (string)r.Attribute("outcome") == "Failed"))
        {
            var method = methods[(string)result.Attribute("testId")];
            found.Add(new FailedTest(
                (string)method.Attribute("className"),
                ((string)method.Attribute("name")).Split('(')[0],
                (string)result.Attribute("testName"),
                ((string)result.Descendants(ns + "Message").FirstOrDefault() ?? "").Trim(),
                ((string)result.Descendants(ns + "StackTrace").FirstOrDefault() ?? "").Trim()));
        }
    }
    return found;
}

void PrintFailedTests(string what, List<FailedTest> failed)
{
    foreach (var test in failed)
        Warning("{0}", $"FAILED ({what}) {test.ClassName}.{test.Name}\n  {test.Message}\n  {string.Join("\n  ", test.Stack.Split('\n').Take(6))}");
}
