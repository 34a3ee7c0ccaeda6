using Deque.AxeCore.Playwright;

namespace Cadence.EndToEnd.Tests.SiteDesign;

/// <summary>
/// axe-core on every kind of page the site has, at a desktop's and a phone's width, in light and in dark:
/// no violations of any rule axe runs by default (WCAG 2.x A and AA, and its best practices).
/// </summary>
public class SiteAccessibilityTests : StarterSite
{
    private static readonly string[] PageTypes =
    [
        "/", "/posts/training-load-explained/", "/posts/knee-pain-when-running/", "/contact/", "/about/",
        "/tags/training-load/", "/categories/training/", "/authors/tom-reddy/", "/archive/", "/archive/2026/",
        "/tags/", "/search/", "/thanks/newsletter/", "/no-such-page/",
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from width in Widths
        from dark in new[] { false, true }
        select new TestCaseData(width, dark).SetName($"Every_page_type_has_no_axe_violations_at_{width}_{(dark ? "dark" : "light")}");

    [TestCaseSource(nameof(Cases))]
    public async Task Every_page_type_has_no_axe_violations(int width, bool dark)
    {
        var found = new List<string>();
        foreach (var path in PageTypes)
        {
            var page = await OpenAsync(path, width, dark);
            var results = await page.RunAxe();
            found.AddRange(results.Violations.Select(v =>
                $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            Assert.That(results.Passes, Is.Not.Empty, $"{path}: axe ran");
            await page.CloseAsync();
        }
        Assert.That(found, Is.Empty);
    }
}
