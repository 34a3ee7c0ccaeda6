using System.Text.RegularExpressions;
using Cadence.Site.Build;
using Cadence.Site.Write;
using YamlDotNet.RepresentationModel;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>
/// The CI files cannot run here, so what they promise is checked: triggers, concurrency, permissions, cache keys,
/// that content runs test and install nothing, that docs/publishing.md states the same values, and that every
/// target and script they call exists.
/// </summary>
public partial class WorkflowFileTests
{
    private static readonly string[] WorkflowFiles = ["publish.yml", "ci.yml", "tested-build.yml"];

    private static string Workflow(string name) => Path.Combine(RepoPaths.Root, ".github", "workflows", name);

    private static string Docs => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "publishing.md"));

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Workflow(name));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode Child(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : throw new AssertionException($"'{key}' is missing");

    private static YamlNode? Optional(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)Child(node, key)).Value ?? "";

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Key).Concat(Scalars(pair.Value))),
        _ => [],
    };

    private static Dictionary<string, YamlMappingNode> Jobs(string name) =>
        ((YamlMappingNode)Child(Load(name), "jobs")).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (YamlMappingNode)pair.Value);

    private static List<YamlMappingNode> Steps(YamlMappingNode job) => [.. ((YamlSequenceNode)Child(job, "steps")).Children.Cast<YamlMappingNode>()];

    private static YamlMappingNode StepUsing(YamlMappingNode job, string action, Func<YamlMappingNode, bool>? where = null) =>
        Steps(job).Single(step => Optional(step, "uses") is YamlScalarNode uses && uses.Value!.StartsWith(action + "@", StringComparison.Ordinal) && (where?.Invoke(step) ?? true));

    private static Dictionary<string, string> Permissions(YamlNode owner) =>
        Optional(owner, "permissions") is YamlMappingNode permissions
            ? permissions.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!)
            : [];

    [Test]
    public void Publish_runs_on_content_dispatch_tested_code_on_main_content_pushes_nightly_and_by_hand_as_documented()
    {
        var on = Child(Load("publish.yml"), "on");
        Assert.That(Scalars(Child(Child(on, "repository_dispatch"), "types")), Is.EqualTo(new[] { "content-changed" }));
        var afterCi = Child(on, "workflow_run");
        Assert.That(Scalars(Child(afterCi, "workflows")), Is.EqualTo(new[] { Scalar(Load("ci.yml"), "name") }), "follows the ci workflow by its name");
        Assert.That(Scalars(Child(afterCi, "types")), Is.EqualTo(new[] { "completed" }));
        Assert.That(Scalars(Child(afterCi, "branches")), Is.EqualTo(new[] { "main" }));
        Assert.That(Scalars(Child(Child(on, "push"), "paths")), Is.EqualTo(new[] { "content/**" }), "code pushes publish through ci, after their tests");
        var cron = Scalars(Child(on, "schedule")).Last();
        Assert.That(cron.Split(' '), Has.Length.EqualTo(5), "a five-field cron expression");
        Assert.That(((YamlMappingNode)on).Children.ContainsKey(new YamlScalarNode("workflow_dispatch")), Is.True);
        Assert.That(Docs, Does.Contain("`repository_dispatch`").And.Contain("`workflow_run`").And.Contain("`workflow_dispatch`").And.Contain(cron));
        Assert.That(Scalar(Jobs("publish.yml")["code"], "if"), Does.Contain("github.event.workflow_run.conclusion == 'success'"),
            "a failed ci run publishes nothing");
    }

    [Test]
    public void A_publish_in_progress_is_never_cancelled_and_newer_triggers_wait_as_one()
    {
        var concurrency = Child(Load("publish.yml"), "concurrency");
        var group = Scalar(concurrency, "group");
        Assert.That(group, Is.EqualTo("publish-site"));
        Assert.That(Scalar(concurrency, "cancel-in-progress"), Is.EqualTo("false"));
        Assert.That(Docs, Does.Contain($"`{group}`").And.Contain("`cancel-in-progress: false`"));
        foreach (var (name, job) in Jobs("publish.yml"))
            Assert.That(Optional(job, "concurrency"), Is.Null, $"job {name} has no group of its own that could cancel it");
    }

    [Test]
    public void Ci_tests_pull_requests_and_code_pushes_and_cancels_only_superseded_pull_request_runs()
    {
        var ci = Load("ci.yml");
        var on = Child(ci, "on");
        Assert.That(((YamlMappingNode)on).Children.ContainsKey(new YamlScalarNode("pull_request")), Is.True);
        Assert.That(Scalars(Child(Child(on, "push"), "branches")), Is.EqualTo(new[] { "main" }));
        Assert.That(Scalars(Child(Child(on, "push"), "paths-ignore")), Does.Contain("content/**"), "content alone needs no tests");
        Assert.That(Scalar(Child(ci, "concurrency"), "cancel-in-progress"), Is.EqualTo("${{ github.event_name == 'pull_request' }}"));
        Assert.That(Scalar(Jobs("ci.yml")["tested"], "uses"), Is.EqualTo("./.github/workflows/tested-build.yml"));
    }

    [Test]
    public void Executables_are_cached_only_after_the_whole_suite_passed_under_the_native_key()
    {
        Assert.That(((YamlMappingNode)Child(Load("tested-build.yml"), "on")).Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EqualTo(new[] { "workflow_call" }));
        var jobs = Jobs("tested-build.yml");
        Assert.That(Targets(string.Join('\n', Scalars(jobs["test"]))), Is.EqualTo(new[] { "test" }));
        var native = jobs["native"];
        Assert.That(Scalar(native, "needs"), Is.EqualTo("test"), "no executables from code that failed its tests");
        Assert.That(Targets(string.Join('\n', Scalars(native))), Is.EqualTo(new[] { "native" }));
        var save = StepUsing(native, "actions/cache/save");
        Assert.That(Scalar(Child(save, "with"), "key"), Is.EqualTo("${{ steps.key.outputs.key }}"));
        Assert.That(Scalar(Child(save, "with"), "path"), Is.EqualTo("artifacts/bin"));
        Assert.That(Steps(native).Any(s => Optional(s, "run") is YamlScalarNode run && run.Value!.Contains(".ci/native-key", StringComparison.Ordinal)), Is.True);
        Assert.That(Scalar(native, "runs-on"), Is.EqualTo(Scalar(Jobs("publish.yml")["build"], "runs-on")), "built on the image that runs them");
    }

    [Test]
    public void Content_runs_use_the_tested_executables_and_test_build_or_install_nothing()
    {
        var jobs = Jobs("publish.yml");
        var code = jobs["code"];
        Assert.That(Steps(code).Any(s => Optional(s, "run") is YamlScalarNode run && run.Value!.Contains(".ci/native-key", StringComparison.Ordinal)), Is.True);
        Assert.That(Scalar(Child(StepUsing(code, "actions/cache/restore"), "with"), "lookup-only"), Is.EqualTo("true"));

        var tested = jobs["tested"];
        Assert.That(Scalar(tested, "uses"), Is.EqualTo("./.github/workflows/tested-build.yml"));
        Assert.That(Scalar(tested, "if"), Is.EqualTo("needs.code.outputs.tested != 'true'"), "code is tested here only when ci has not");

        foreach (var name in new[] { "bucket", "build" })
        {
            var build = jobs[name];
            Assert.That(Optional(build, "container"), Is.Null, $"{name}: no SDK image to pull");
            Assert.That(Steps(build).Select(s => Optional(s, "uses")).OfType<YamlScalarNode>().Select(u => u.Value), Has.None.StartsWith("actions/checkout@"),
                $"{name}: no checkout: the executables and the last build come from the caches, the content from the CMS");
            var commands = string.Join('\n', Steps(build).Select(s => Optional(s, "run")).OfType<YamlScalarNode>().Select(r => r.Value));
            Assert.That(commands, Does.Not.Contain("apt-get").And.Not.Contain("dotnet").And.Not.Contain("build.sh").And.Not.Contain("npm"), name);
            Assert.That(commands, Does.Contain("artifacts/bin/site/Cadence.Site build --out artifacts/site"), name);
            var executables = Child(StepUsing(build, "actions/cache/restore", s => Scalar(Child(s, "with"), "path") == "artifacts/bin"), "with");
            Assert.That(Scalar(executables, "key"), Is.EqualTo("${{ needs.code.outputs.key }}"), name);
            Assert.That(Scalar(executables, "fail-on-cache-miss"), Is.EqualTo("true"), $"{name}: never builds the site with anything but tested executables");
        }
        Assert.That(string.Join('\n', Scalars(jobs["bucket"])), Does.Contain("artifacts/bin/deploy/Cadence.Deploy --from artifacts/site"));
    }

    /// <summary>The state cache of a job: its paths, after checking that it is restored from the newest earlier run and saved under this run's key.</summary>
    private static string[] RollingState(YamlMappingNode job)
    {
        var restore = Child(StepUsing(job, "actions/cache/restore", s => Scalar(Child(s, "with"), "path") != "artifacts/bin"), "with");
        var save = Child(StepUsing(job, "actions/cache/save"), "with");
        var key = Scalar(restore, "key");
        var prefix = Scalar(restore, "restore-keys");
        Assert.That(key, Does.StartWith(prefix).And.Contain("${{ github.run_id }}"), "a new key each run, restored from the newest earlier one");
        Assert.That(Scalar(save, "key"), Is.EqualTo(key));
        Assert.That(Docs, Does.Contain($"`{prefix}`"));
        var paths = Scalar(restore, "path").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(Scalar(save, "path").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Is.EquivalentTo(paths));
        return paths;
    }

    private const string SiteFolder = "artifacts/site";

    /// <summary>The build cache's folder beside the output, as the site build computes it.</summary>
    private static string CacheFolder => Path.GetRelativePath(RepoPaths.Root, BuildCache.FolderFor(Path.Combine(RepoPaths.Root, SiteFolder)));

    [Test]
    public void The_pages_build_restores_the_last_whole_output_and_its_build_cache()
    {
        var build = Jobs("publish.yml")["build"];
        Assert.That(RollingState(build), Is.EquivalentTo(new[] { SiteFolder, CacheFolder }));
        Assert.That(Scalar(Child(StepUsing(build, "actions/upload-pages-artifact"), "with"), "path"), Is.EqualTo(SiteFolder), "the Pages artifact is a whole site");
        foreach (var deploy in new[] { "pages", "branch" })
            Assert.That(Scalar(Jobs("publish.yml")[deploy], "needs"), Is.EqualTo("build"), $"{deploy} deploys the whole site");
    }

    [Test]
    public void The_bucket_build_restores_only_the_manifest_and_build_cache_and_keeps_them_only_once_deployed()
    {
        var bucket = Jobs("publish.yml")["bucket"];
        // Not the output: the build writes only what changed beside the manifest of the whole site, which the deploy reads.
        Assert.That(RollingState(bucket), Is.EquivalentTo(new[] { $"{SiteFolder}/{BuildManifest.FileName}", CacheFolder }));
        Assert.That(Scalar(bucket, "if"), Does.Contain("vars.CADENCE_S3_BUCKET != ''"));
        var steps = Steps(bucket);
        var deploy = steps.FindIndex(s => Optional(s, "run") is YamlScalarNode run && run.Value!.Contains("Cadence.Deploy", StringComparison.Ordinal));
        var save = steps.FindIndex(s => Optional(s, "uses") is YamlScalarNode uses && uses.Value!.StartsWith("actions/cache/save@", StringComparison.Ordinal));
        Assert.That(save, Is.GreaterThan(deploy), "after a failed deploy the next run starts from the state the bucket holds");
        Assert.That(Optional(steps[save], "if"), Is.Null, "saved only when every step before it succeeded");
    }

    [Test]
    public void Only_the_deploy_jobs_may_write_and_each_only_what_it_deploys_to()
    {
        var publish = Load("publish.yml");
        Assert.That(Permissions(publish), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));
        var jobs = Jobs("publish.yml");
        Assert.That(Permissions(jobs["pages"]), Is.EqualTo(new Dictionary<string, string> { ["pages"] = "write", ["id-token"] = "write" }));
        Assert.That(Permissions(jobs["branch"]), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "write" }));
        foreach (var name in jobs.Keys.Except(["pages", "branch"]))
            Assert.That(Permissions(jobs[name]).Values, Has.None.EqualTo("write"), name);
        foreach (var file in new[] { "ci.yml", "tested-build.yml" })
        {
            Assert.That(Permissions(Load(file)), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }), file);
            Assert.That(Jobs(file).Values.SelectMany(job => Permissions(job).Values), Has.None.EqualTo("write"), file);
        }
        Assert.That(Docs, Does.Contain("`pages: write`").And.Contain("`id-token: write`").And.Contain("`contents: write`"));
    }

    [Test]
    public void Deploy_settings_named_in_the_workflow_are_documented()
    {
        var text = File.ReadAllText(Workflow("publish.yml"));
        var settings = Setting().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(settings, Does.Contain("CADENCE_S3_BUCKET").And.Contain("CADENCE_API").And.Contain("CADENCE_DEPLOY_BRANCH"));
        Assert.That(settings.Where(s => !Docs.Contains($"`{s}`", StringComparison.Ordinal)), Is.Empty, "every variable and secret is in docs/publishing.md");
    }

    [TestCase(".github/workflows/publish.yml")]
    [TestCase(".github/workflows/ci.yml")]
    [TestCase(".github/workflows/tested-build.yml")]
    [TestCase(".ci/run")]
    [TestCase("bench/publish-rehearsal.sh")]
    public void Every_target_and_script_called_exists(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
        var tasks = CakeTask().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "build.cake"))).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.That(tasks, Is.SupersetOf(Targets(text)));
        foreach (var script in Script().Matches(text).Select(m => m.Value).Distinct())
            Assert.That(File.Exists(Path.Combine(RepoPaths.Root, script)), Is.True, script);
        foreach (var reusable in Reusable().Matches(text).Select(m => m.Groups[1].Value))
            Assert.That(WorkflowFiles, Does.Contain(reusable));
    }

    private static List<string> Targets(string text) => TargetArgument().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex(@"--target=([A-Za-z0-9_-]+)")]
    private static partial Regex TargetArgument();

    [GeneratedRegex(@"^Task\(""([^""]+)""\)", RegexOptions.Multiline)]
    private static partial Regex CakeTask();

    [GeneratedRegex(@"\.ci/[a-z-]+")]
    private static partial Regex Script();

    [GeneratedRegex(@"\./\.github/workflows/([a-z-]+\.yml)")]
    private static partial Regex Reusable();

    [GeneratedRegex(@"(?:secrets|vars)\.([A-Z0-9_]+)")]
    private static partial Regex Setting();
}
