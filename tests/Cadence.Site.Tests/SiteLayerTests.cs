using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Cadence.Site.Tests;

/// <summary>
/// The generator's stages are one-way layers: each may use the public model of the stages before it, never one
/// after it, so a stage can be read, tested and changed knowing only what comes before. The build composes them;
/// the command line and serve sit on top.
/// </summary>
public class SiteLayerTests
{
    private static readonly System.Reflection.Assembly Site = typeof(SiteBuild).Assembly;

    /// <summary>Lowest first. <c>Cadence.Site</c> itself (the pipeline: SiteBuild, BuildOptions, BuildResult) sits above Build.</summary>
    private static readonly string[] Layers =
    [
        "Cadence.Site.Keys", "Cadence.Site.Source", "Cadence.Site.Model", "Cadence.Site.Render", "Cadence.Site.Outputs",
        "Cadence.Site.Write", "Cadence.Site.Build", "Cadence.Site", "Cadence.Site.Cli", "Cadence.Site.Serve",
    ];

    private static IEnumerable<TestCaseData> EachLayer() =>
        Layers.Take(Layers.Length - 1).Select((layer, i) => new TestCaseData(i).SetArgDisplayNames(layer));

    [TestCaseSource(nameof(EachLayer))]
    public void A_stage_uses_no_later_stage(int index)
    {
        var layer = Layers[index];
        var later = Layers.Skip(index + 1).SelectMany(Names).ToArray();
        var result = Types.InAssembly(Site).That().ResideInNamespaceMatching($"^{Regex.Escape(layer)}{(layer == "Cadence.Site" ? "$" : @"(\.|$)")}")
            .Should().NotHaveDependencyOnAny(later).GetResult();
        Assert.That(Failing(result), Is.Empty, $"types in {layer} that use a later stage ({string.Join(", ", later)})");
    }

    [Test]
    public void Every_type_belongs_to_a_layer()
    {
        var outside = Site.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("Cadence.Site", StringComparison.Ordinal))
            .Where(t => !Layers.Any(layer => IsIn(t, layer)))
            .Select(t => t.FullName);
        Assert.That(outside, Is.Empty, "types in a namespace the layer test does not know");
    }

    [Test]
    public void The_site_never_references_the_cms()
    {
        Assert.That(Site.GetReferencedAssemblies().Select(a => a.Name), Has.None.StartsWith("Cadence.Cms"));
        Assert.That(Failing(Types.InAssembly(Site).Should().NotHaveDependencyOnAny("Cadence.Cms").GetResult()), Is.Empty);
    }

    [Test]
    public void The_layer_test_sees_a_dependency_that_runs_the_wrong_way()
    {
        // The build composes every stage, so it must be found to depend on Render: otherwise the test sees nothing.
        var result = Types.InAssembly(Site).That().HaveNameMatching("^SiteBuild$").Should().NotHaveDependencyOnAny("Cadence.Site.Render").GetResult();
        Assert.That(Failing(result), Is.EqualTo(new[] { "Cadence.Site.SiteBuild" }));
    }

    /// <summary>The names a dependency on a layer is matched by: the root namespace by its own types only.</summary>
    private static IEnumerable<string> Names(string layer) =>
        layer == "Cadence.Site" ? ["Cadence.Site.SiteBuild", "Cadence.Site.BuildOptions", "Cadence.Site.BuildResult"] : [layer];

    private static IEnumerable<string> Failing(TestResult result) => result.FailingTypes?.Select(t => t.FullName).Distinct() ?? [];

    /// <summary>A layer holds its namespace and those below it; the root namespace holds only its own types.</summary>
    private static bool IsIn(Type type, string layer) =>
        type.Namespace == layer || layer != "Cadence.Site" && type.Namespace!.StartsWith(layer + ".", StringComparison.Ordinal);
}
