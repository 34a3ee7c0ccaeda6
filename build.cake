// Cadence build: ./build.sh --target=<name>; ./build.sh --description lists the targets.
var target = Argument("target", "test");
var configuration = Argument("configuration", "Release");
var solution = "./Cadence.slnx";

Task("build")
    .Description("Compiles the whole solution.")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("test")
    .Description("Installs what the tests need (Debian's chromium) and runs every test.")
    .Does(() =>
{
    EnsureChromium();
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        Loggers = { "console;verbosity=normal" },
    });
});

Task("run")
    .Description("Starts the CMS on embedded SQLite with the starter content and prints the manager URL, password and keys.")
    .Does(() =>
{
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = "run --project cms/Cadence.Cms -c " + configuration + " -- --urls " + EnvironmentVariable("CADENCE_CMS_URL", "http://127.0.0.1:5000"),
    });
    if (exit != 0) throw new Exception($"The CMS exited with {exit}.");
});

// Browser tests drive Debian's Chromium; install it when missing and we may (root on Debian).
void EnsureChromium()
{
    if (FileExists("/usr/bin/chromium")) return;
    if (StartProcess("id", new ProcessSettings { Arguments = "-u", RedirectStandardOutput = true }, out var uid) != 0 || uid.FirstOrDefault() != "0")
    {
        Warning("chromium is missing and this is not root: install it with 'sudo apt-get install -y chromium'.");
        return;
    }
    Information("Installing Debian's chromium for the browser tests…");
    var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
    if (StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", EnvironmentVariables = env }) != 0
        || StartProcess("apt-get", new ProcessSettings { Arguments = "install -y -qq chromium", EnvironmentVariables = env }) != 0)
        throw new Exception("apt-get could not install chromium.");
}

RunTarget(target);
