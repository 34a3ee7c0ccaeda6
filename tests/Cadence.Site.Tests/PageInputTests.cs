using System.Reflection;
using Cadence.Site.Render;
using Microsoft.AspNetCore.Components;

namespace Cadence.Site.Tests;

/// <summary>
/// A page's key is the hash of its input record, so a page component may take nothing else: a value handed to a
/// page beside its input would be shown without being in its key, and only incremental builds would miss its changes.
/// </summary>
public class PageInputTests
{
    /// <summary>What every page may take besides its input: shared by every page (the build's global key covers it).</summary>
    private static readonly string[] Shared = ["Context", "Head", "ChildContent"];

    /// <summary>What a post page takes from rendering its body, which its key covers by the body's hash.</summary>
    private static readonly string[] FromTheBody = ["Body", "ReadingMinutes", "Contents"];

    [Test]
    public void A_page_component_takes_only_its_input()
    {
        // Pages are the components with a head (the layout has one too, and takes nothing else).
        var pages = typeof(PageJob).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && (Parameters(t).Contains("Head") || Parameters(t).Contains("Input")))
            .ToList();
        Assert.That(pages.Select(t => t.Name),
            Is.SupersetOf(new[] { "PostPage", "ListPage", "ArchivePage", "GroupIndexPage", "MessagePage", "SearchPage", "RedirectPage" }));
        foreach (var page in pages)
        {
            var allowed = Shared.Append("Input").Concat(page.Name == "PostPage" ? FromTheBody : []);
            Assert.That(Parameters(page).Except(allowed), Is.Empty, $"{page.Name} takes values outside its input");
        }
    }

    private static List<string> Parameters(Type component) =>
        component.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null)
            .Select(p => p.Name)
            .ToList();
}
