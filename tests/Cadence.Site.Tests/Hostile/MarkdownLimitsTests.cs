using Cadence.Markdown.Dialect;

namespace Cadence.Site.Tests.Hostile;

/// <summary>Where the limits start: one marker past them is escaped wherever it sits, and text at them is kept as written.</summary>
public class MarkdownLimitsTests
{
    [Test]
    public void A_marker_run_one_past_the_limit_is_escaped_wherever_it_starts_in_a_long_line()
    {
        for (var start = 0; start <= MarkdownLimits.MaxRun + 2; start++)
        {
            var over = new string('a', start) + new string('[', MarkdownLimits.MaxRun + 1) + new string('b', 300);
            var at = new string('a', start) + new string('[', MarkdownLimits.MaxRun) + " " + new string('[', MarkdownLimits.MaxRun) + new string('b', 300);
            Assert.That(MarkdownLimits.Bound(over), Does.Contain("\\[\\["), $"a run of {MarkdownLimits.MaxRun + 1} from column {start}");
            Assert.That(MarkdownLimits.Bound(at), Is.SameAs(at), $"runs of {MarkdownLimits.MaxRun} from column {start}");
        }
    }

    [Test]
    public void Emphasis_markers_past_the_limit_are_escaped_and_those_at_it_are_not()
    {
        var at = string.Concat(Enumerable.Repeat("a*b_ ", MarkdownLimits.MaxEmphasisMarkers / 2));
        var over = at + "c*";
        Assert.Multiple(() =>
        {
            Assert.That(MarkdownLimits.Bound(at), Is.SameAs(at));
            Assert.That(MarkdownLimits.Bound(over), Does.EndWith("c\\*\n"));
        });
    }
}
