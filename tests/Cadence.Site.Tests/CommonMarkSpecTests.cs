using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cadence.Markdown.Dialect;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>
/// The CommonMark spec's 652 examples (npm <c>commonmark-spec</c>, installed from tests/commonmark's lockfile) through
/// the dialect: each renders as the spec says, or differs for a reason listed in docs/markdown.md under "CommonMark
/// conformance". The list is read from that page, so the page and the dialect cannot drift apart.
/// </summary>
public partial class CommonMarkSpecTests
{
    private sealed record Example(int Number, string Section, string Markdown, string Html);

    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "commonmark");

    [Test]
    public void Every_spec_example_renders_as_the_spec_says_or_differs_for_a_documented_reason()
    {
        var examples = LoadExamples();
        Assert.That(examples, Has.Count.EqualTo(652), "commonmark-spec 0.31.2 has 652 examples");
        var documented = DocumentedDifferences();

        var differing = new List<(Example Example, string Actual)>();
        foreach (var example in examples)
        {
            var actual = MarkdownDialect.Render(example.Markdown).Html;
            if (Normalise(actual) != Normalise(example.Html)) differing.Add((example, actual));
        }

        var undocumented = differing.Where(d => !documented.ContainsKey(d.Example.Number)).ToList();
        var report = new StringBuilder();
        foreach (var (example, actual) in undocumented.Take(15))
            report.Append($"\n#{example.Number} ({example.Section})\n  markdown: {Show(example.Markdown)}\n  spec:     {Show(example.Html)}\n  dialect:  {Show(actual)}");
        Assert.That(undocumented.Select(d => d.Example.Number), Is.Empty,
            $"{differing.Count} examples differ; these are not listed in docs/markdown.md:" + report);

        var passingYetListed = documented.Keys.Except(differing.Select(d => d.Example.Number)).Order().ToList();
        Assert.That(passingYetListed, Is.Empty, "listed in docs/markdown.md as differing, but they render as the spec says: take them off the list");
    }

    private static List<Example> LoadExamples()
    {
        var spec = Path.Combine(Folder, "node_modules", "commonmark-spec", "index.js");
        if (!File.Exists(spec)) Run("npm", "ci --no-audit --no-fund --ignore-scripts");
        // The package's own extraction (index.js) reads its spec.txt: the examples exactly as the spec's tools see them.
        var json = Run("node", "-e \"process.stdout.write(JSON.stringify(require('commonmark-spec').tests))\"");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => new Example(
            e.GetProperty("number").GetInt32(), e.GetProperty("section").GetString()!,
            Tabs(e.GetProperty("markdown").GetString()!), Tabs(e.GetProperty("html").GetString()!))).ToList();
    }

    /// <summary>The spec writes a tab as →.</summary>
    private static string Tabs(string text) => text.Replace('→', '\t');

    private static string Run(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, $"{command} {arguments} did not finish");
        Assert.That(process.ExitCode, Is.Zero, $"{command} {arguments}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Example number → the reason given on the docs page, from its "CommonMark conformance" table.</summary>
    private static Dictionary<int, string> DocumentedDifferences()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "markdown.md"));
        var section = page[page.IndexOf("## CommonMark conformance", StringComparison.Ordinal)..];
        var next = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        if (next > 0) section = section[..next];
        var listed = new Dictionary<int, string>();
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Reason", StringComparison.Ordinal)))
        {
            var cells = row.Trim('|', ' ').Split(" | ");
            if (cells.Length < 2) continue;
            foreach (Match range in NumberRange().Matches(cells[^1]))
            {
                var first = int.Parse(range.Groups[1].Value);
                var last = range.Groups[2].Success ? int.Parse(range.Groups[2].Value) : first;
                for (var n = first; n <= last; n++) listed[n] = cells[0];
            }
        }
        return listed;
    }

    [GeneratedRegex(@"(\d+)(?:[–-](\d+))?")]
    private static partial Regex NumberRange();

    private static readonly HtmlParser Parser = new();
    /// <summary>
    /// The same HTML whatever its spelling: parsed, attributes sorted, entities and quoting as one serialiser writes
    /// them, whitespace collapsed outside <c>pre</c> and dropped beside block tags. Heading ids (the dialect adds them
    /// for links into a post) are left out.
    /// </summary>
    private static string Normalise(string html)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><body>" + html);
        var text = new StringBuilder();
        foreach (var node in document.Body!.ChildNodes) Write(node, text, inPre: false);
        return BlockSpace().Replace(text.ToString(), "$1").Trim();
    }

    private static void Write(INode node, StringBuilder text, bool inPre)
    {
        switch (node)
        {
            case IElement element:
                var name = element.LocalName;
                text.Append('<').Append(name);
                foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    if (attribute.Name == "id" && name is ['h', >= '1' and <= '6']) continue;
                    text.Append(' ').Append(attribute.Name).Append("=\"").Append(Escape(attribute.Value).Replace("\"", "&quot;")).Append('"');
                }
                text.Append('>');
                if (element is AngleSharp.Html.Dom.IHtmlTemplateElement || name is "br" or "hr" or "img" or "input") return;
                foreach (var child in element.ChildNodes) Write(child, text, inPre || name == "pre");
                text.Append("</").Append(name).Append('>');
                break;
            case IText t:
                text.Append(inPre ? Escape(t.Data) : Space().Replace(Escape(t.Data), " "));
                break;
            case IComment comment:
                text.Append("<!--").Append(comment.Data).Append("-->");
                break;
        }
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Show(string text) => text.Replace("\n", "⏎").Replace("\t", "→");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"\s*(</?(?:p|div|blockquote|pre|ul|ol|li|h[1-6]|hr|table|thead|tbody|tr|th|td)(?: [^>]*)?>)\s*")]
    private static partial Regex BlockSpace();
}
