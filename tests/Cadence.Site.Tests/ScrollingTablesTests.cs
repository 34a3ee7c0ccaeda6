using Cadence.Site.Render;

namespace Cadence.Site.Tests;

public class ScrollingTablesTests
{
    private static string Region(int number) => $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table {number}\">";

    [Test]
    public void Each_table_is_wrapped_in_a_numbered_focusable_region()
    {
        const string html = "<p>a</p>\n<table><tr><td>1</td></tr></table>\n<p>b</p>\n<table><tr><td>2</td></tr></table>";
        Assert.That(ScrollingTables.Wrap(html), Is.EqualTo(
            "<p>a</p>\n" + Region(1) + "<table><tr><td>1</td></tr></table></div>\n<p>b</p>\n" +
            Region(2) + "<table><tr><td>2</td></tr></table></div>"));
    }

    [TestCase("<p>No table here.</p>\n")]
    [TestCase("")]
    public void A_body_without_tables_is_returned_as_it_is(string html) => Assert.That(ScrollingTables.Wrap(html), Is.SameAs(html));

    [Test]
    public void A_table_left_open_is_left_as_it_is()
    {
        const string html = "<table><tr><td>1</td></tr></table><p>x</p><table><tr>";
        Assert.That(ScrollingTables.Wrap(html), Is.EqualTo(Region(1) + "<table><tr><td>1</td></tr></table></div><p>x</p><table><tr>"));
    }
}
