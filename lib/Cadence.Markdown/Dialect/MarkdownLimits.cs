using System.Buffers;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace Cadence.Markdown.Dialect;

/// <summary>
/// Bounds on what one post may cost. Markdig parses in about linear time, but nesting is recursion: thousands of nested
/// quotes or list levels (or Markdig's own refusal of them) would turn one bad post into a failed page, API answer or build.
/// Lines are cut to <see cref="MaxDepth"/> container levels before parsing; a document Markdig still refuses is shown as
/// plain paragraphs of its text. Both keep every word; neither ever throws. See docs/markdown.md.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Quote and list levels a line may open; deeper markers are kept as text.</summary>
    public const int MaxDepth = 32;

    /// <summary>Longest run of a bracket or emphasis character kept as it is; a longer run is escaped (read as text).</summary>
    public const int MaxRun = 256;

    internal static MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline)
    {
        var bounded = Bound(markdown);
        try
        {
            return Markdig.Markdown.Parse(bounded, pipeline);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return ParsePlain(markdown, pipeline);
        }
    }

    /// <summary>Markdig's refusal of a document nested too deeply (when parsing, or when rendering what it parsed).</summary>
    internal static bool IsRefusal(Exception e) => e is ArgumentException or InsufficientExecutionStackException;

    /// <summary>The document as plain paragraphs of its text: every character escaped, so nothing nests.</summary>
    internal static MarkdownDocument ParsePlain(string markdown, MarkdownPipeline pipeline) => Markdig.Markdown.Parse(AsPlainParagraphs(markdown), pipeline);

    /// <summary>Emphasis markers ('*' and '_') a document may use; later ones are escaped. Matching thousands of unclosed ones is quadratic.</summary>
    public const int MaxEmphasisMarkers = 2000;

    /// <summary>Columns of indentation a line keeps; more would open list levels (or code blocks) by indentation alone.</summary>
    public const int MaxIndent = MaxDepth * 2;

    /// <summary>The text with every line's indentation, container markers and marker runs cut to the limits above.</summary>
    internal static string Bound(string markdown)
    {
        var needed = TooManyEmphasisMarkers(markdown);
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (needed || !Exceeds(line)) continue;
            needed = true;
            break;
        }
        if (!needed) return markdown;

        var text = new StringBuilder(markdown.Length + 16);
        var markersLeft = MaxEmphasisMarkers;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
            var rest = line[indent..];
            if (Columns(line[..indent]) > MaxIndent) text.Append(' ', MaxIndent);
            else text.Append(line[..indent]);

            if (Containers(rest).Depth > MaxDepth)
            {
                // The first levels stay; the marker after them is escaped, so the rest reads as text instead of opening containers.
                var keep = Containers(rest, MaxDepth).End;
                while (keep < rest.Length && rest[keep] is ' ' or '\t') keep++;
                text.Append(rest[..keep]).Append('\\');
                rest = rest[keep..];
            }
            Escape(text, rest, ref markersLeft);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One search for either marker, hopping from one to the next and stopping past the limit: a post holds
    /// a few dozen, and counting each character separately read every post twice.</summary>
    private static bool TooManyEmphasisMarkers(ReadOnlySpan<char> text)
    {
        var markers = 0;
        while (true)
        {
            var at = text.IndexOfAny('*', '_');
            if (at < 0) return false;
            if (++markers > MaxEmphasisMarkers) return true;
            text = text[(at + 1)..];
        }
    }

    private static bool Exceeds(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
        if (Columns(line[..indent]) > MaxIndent || Containers(line[indent..]).Depth > MaxDepth) return true;
        if (line.Length <= MaxRun || !MayHoldLongRun(line)) return false;
        // From marker to marker (a vectorised search), each run measured at once: every post's every line comes through here.
        var i = line.IndexOfAny(Markers);
        while (i >= 0)
        {
            var run = line[i..].IndexOfAnyExcept(line[i]);
            if (run < 0) run = line.Length - i;
            if (run > MaxRun) return true;
            var next = line[(i + run)..].IndexOfAny(Markers);
            i = next < 0 ? -1 : i + run + next;
        }
        return false;
    }

    /// <summary>
    /// False when no run is longer than <see cref="MaxRun"/>, looking at every (MaxRun / 2)th character only: such a
    /// run covers two neighbouring ones of them, which then hold the same marker. Nearly every long line ends here.
    /// </summary>
    private static bool MayHoldLongRun(ReadOnlySpan<char> line)
    {
        const int step = MaxRun / 2;
        for (var i = step; i < line.Length; i += step)
            if (line[i] == line[i - step] && IsMarker(line[i])) return true;
        return false;
    }

    private static int Columns(ReadOnlySpan<char> whitespace)
    {
        var columns = 0;
        foreach (var c in whitespace) columns += c == '\t' ? 4 : 1;
        return columns;
    }

    /// <returns>How many quote and list markers open the line (at most <paramref name="stopAt"/>), and where the text after them starts.</returns>
    private static (int Depth, int End) Containers(ReadOnlySpan<char> line, int stopAt = int.MaxValue)
    {
        var depth = 0;
        var i = 0;
        while (i < line.Length && depth < stopAt)
        {
            var c = line[i];
            if (c == '>') depth++;
            else if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] == ' ') depth++;
            else if (c is not (' ' or '\t')) break;
            i++;
        }
        return (depth, i);
    }

    private static readonly SearchValues<char> Markers = SearchValues.Create("[](*_><`~!");

    private static bool IsMarker(char c) => Markers.Contains(c);

    /// <summary>Appends the line with each run of a marker character longer than <see cref="MaxRun"/> escaped character by character.</summary>
    private static void Escape(StringBuilder text, ReadOnlySpan<char> line, ref int markersLeft)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            var end = i + 1;
            while (end < line.Length && line[end] == c) end++;
            var emphasis = c is '*' or '_';
            if (emphasis) markersLeft -= end - i;
            if (end - i > MaxRun && IsMarker(c) || emphasis && markersLeft < 0)
            {
                for (var k = i; k < end; k++) text.Append('\\').Append(c);
            }
            else
            {
                text.Append(line[i..end]);
            }
            i = end;
        }
    }

    private static string AsPlainParagraphs(string markdown)
    {
        var text = new StringBuilder(markdown.Length * 2);
        foreach (var c in markdown)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '\n' || c > '\u007f') text.Append(c);
            else if (char.IsAscii(c) && !char.IsControl(c)) text.Append('\\').Append(c);
        }
        return text.ToString();
    }
}
