using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>The CI files cannot run here, so their shape is checked: triggers, concurrency, and targets that exist in build.cake.</summary>
public partial class WorkflowFileTests
{
    private static string Workflow(string name) => Path.Combine(RepoPaths.Root, ".github", "workflows", name);

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode Child(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : throw new AssertionException($"'{key}' is missing");

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Key).Concat(Scalars(pair.Value))),
        _ => [],
    };

    [Test]
    public void Publish_runs_on_content_dispatch_content_pushes_nightly_and_by_hand()
    {
        var on = Child(Load(Workflow("publish.yml")), "on");
        Assert.That(Scalars(Child(Child(on, "repository_dispatch"), "types")), Is.EqualTo(new[] { "content-changed" }));
        Assert.That(Scalars(Child(Child(on, "push"), "paths")), Does.Contain("content/**").And.Contain("site/**"));
        var cron = Scalars(Child(on, "schedule")).ToList();
        Assert.That(cron, Does.Contain("cron"));
        Assert.That(cron.Last().Split(' '), Has.Length.EqualTo(5), "a five-field cron expression");
        Assert.That(((YamlMappingNode)on).Children.ContainsKey(new YamlScalarNode("workflow_dispatch")), Is.True);
    }

    [Test]
    public void Publish_cancels_a_superseded_build_and_deploys_to_pages_with_the_cms_secrets()
    {
        var root = Load(Workflow("publish.yml"));
        var concurrency = Child(root, "concurrency");
        Assert.That(Scalars(Child(concurrency, "group")).Single(), Is.Not.Empty);
        Assert.That(Scalars(Child(concurrency, "cancel-in-progress")).Single(), Is.EqualTo("true"));

        var text = File.ReadAllText(Workflow("publish.yml"));
        Assert.That(text, Does.Contain("actions/upload-pages-artifact").And.Contain("actions/deploy-pages"));
        Assert.That(text, Does.Contain("secrets.CADENCE_API").And.Contain("secrets.CADENCE_CONTENT_KEY"));
        Assert.That(Targets(text), Does.Contain("test").And.Contain("publish"));
    }

    [Test]
    public void Ci_runs_the_tests_on_pull_requests()
    {
        var root = Load(Workflow("ci.yml"));
        Assert.That(((YamlMappingNode)Child(root, "on")).Children.ContainsKey(new YamlScalarNode("pull_request")), Is.True);
        Assert.That(Targets(File.ReadAllText(Workflow("ci.yml"))), Is.EqualTo(new[] { "test" }));
    }

    [TestCase(".github/workflows/publish.yml")]
    [TestCase(".github/workflows/ci.yml")]
    [TestCase(".ci/run")]
    public void Every_target_called_exists_in_build_cake(string file)
    {
        var tasks = CakeTask().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "build.cake"))).Select(m => m.Groups[1].Value).ToHashSet();
        var called = Targets(File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
        Assert.That(called, Is.Not.Empty);
        Assert.That(tasks, Is.SupersetOf(called));
    }

    private static List<string> Targets(string text) => TargetArgument().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex(@"--target=([A-Za-z0-9_-]+)")]
    private static partial Regex TargetArgument();

    [GeneratedRegex(@"^Task\(""([^""]+)""\)", RegexOptions.Multiline)]
    private static partial Regex CakeTask();
}
