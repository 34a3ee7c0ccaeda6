using System.Reflection;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Cadence.Cms.Tests.Architecture;

/// <summary>
/// The CMS's folders form one-way layers, read from the compiled code (every type a type's signatures and method
/// bodies use):
///   the app's top (Program, CmsApp, StartupTasks, CliVerbs in namespace Cadence.Cms)
///   → features (Accounts, Content, Delivery, Forms, Ghost, Mail, Media, Seeding, Settings, Webhooks, and the Manager shell)
///   → leaves (Data, Hosting, UI).
/// Features never reach into the Manager shell; leaves use no feature's services, only the entities the DbContext
/// maps (a DbSet, or a query over one, names its entity); nothing below the top calls back into it.
/// Razor views compile to AspNetCoreGeneratedDocument.{Folder}_…, so they are counted with their folder.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Cms = typeof(CadenceDb).Assembly;
    private static readonly string[] Features = ["Accounts", "Content", "Delivery", "Forms", "Ghost", "Mail", "Media", "Seeding", "Settings", "Webhooks"];
    private static readonly string[] Leaves = ["Data", "Hosting", "UI"];
    private static readonly string[] AppTop = ["Cadence.Cms.CmsApp", "Cadence.Cms.StartupTasks", "Cadence.Cms.CliVerbs"];
    private const string ManagerShell = "Cadence.Cms.Manager";

    [Test]
    public void Features_do_not_use_the_manager_shell_or_the_app_top()
    {
        foreach (var feature in Features)
            Assert.That(Violations(FolderTypes(feature), [ManagerShell, .. AppTop]), Is.Empty, $"{feature} depends the wrong way");
    }

    [Test]
    public void The_manager_shell_does_not_use_the_app_top()
    {
        Assert.That(Violations(FolderTypes("Manager"), AppTop), Is.Empty);
    }

    [Test]
    public void Leaves_use_no_feature_service_the_manager_shell_or_the_app_top()
    {
        string[] forbidden = [.. FeatureServices(), ManagerShell, .. AppTop];
        foreach (var leaf in Leaves)
            Assert.That(Violations(FolderTypes(leaf), forbidden), Is.Empty, $"{leaf} depends the wrong way");
    }

    [Test]
    public void The_check_sees_a_dependency_that_runs_the_wrong_way()
    {
        // The app's top uses every feature: read as if it were a leaf, it must fail, naming what it uses.
        var top = Cms.GetTypes().Where(t => t.Namespace == "Cadence.Cms" && AppTop.Contains(t.FullName));
        var violations = Violations(top, [.. FeatureServices()]);
        Assert.That(violations, Has.Some.Contains("Cadence.Cms.CmsApp"));
        Assert.That(violations, Has.Some.Contains("Cadence.Cms.CliVerbs"));
        // And each layer's selection holds the types it should, views included.
        Assert.That(FolderTypes("Content").Select(t => t.FullName), Has.Some.StartsWith("AspNetCoreGeneratedDocument.Content_Pages_"));
        Assert.That(FolderTypes("Manager").Select(t => t.FullName), Has.Some.StartsWith("AspNetCoreGeneratedDocument.Manager_"));
    }

    /// <summary>The types of a folder: its namespace (and those below it) and its compiled views.</summary>
    private static IEnumerable<Type> FolderTypes(string folder) => Cms.GetTypes().Where(t =>
        t.Namespace is { } ns && (ns == $"Cadence.Cms.{folder}" || ns.StartsWith($"Cadence.Cms.{folder}.", StringComparison.Ordinal)
            || (ns == "AspNetCoreGeneratedDocument" && t.Name.StartsWith($"{folder}_", StringComparison.Ordinal))));

    /// <summary>Every feature type except the entities the DbContext maps.</summary>
    private static IEnumerable<string> FeatureServices()
    {
        using var db = new CadenceDb(new DbContextOptionsBuilder<CadenceDb>().UseSqlite("Data Source=:memory:").Options);
        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
        return Features.SelectMany(FolderTypes)
            .Where(t => !t.IsNested && !t.Name.StartsWith('<') && t.Namespace != "AspNetCoreGeneratedDocument" && !entities.Contains(t))
            .Select(t => t.FullName!).ToList();
    }

    /// <summary>"Type: explanation" for each of <paramref name="types"/> that uses one of <paramref name="forbidden"/>.</summary>
    private static List<string> Violations(IEnumerable<Type> types, string[] forbidden)
    {
        var names = types.Select(t => t.FullName!).ToHashSet();
        var result = Types.InAssembly(Cms).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypes
            .Select(t => (Name: t.ReflectionType?.FullName ?? t.FullName.Replace('/', '+'), t.Explanation))
            .Where(t => names.Contains(t.Name))
            .Select(t => $"{t.Name}: {t.Explanation}")];
    }
}
