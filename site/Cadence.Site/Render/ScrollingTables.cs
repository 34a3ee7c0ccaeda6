using System.Globalization;

namespace Cadence.Site.Render;

/// <summary>
/// Wraps each table of a rendered body in a region that scrolls sideways on a narrow screen. The region can take
/// keyboard focus, so a reader without a mouse can scroll it too, and is named so a screen reader says what it is.
/// </summary>
public static class ScrollingTables
{
    private const string Open = "<table>";
    private const string Close = "</table>";
    private const string WrapperClose = "</div>";

    public static string Wrap(string html)
    {
        var tables = new List<Range>();
        for (var at = 0; html.IndexOf(Open, at, StringComparison.Ordinal) is var start and >= 0;)
        {
            var end = html.IndexOf(Close, start, StringComparison.Ordinal);
            if (end < 0) break;
            at = end + Close.Length;
            tables.Add(start..at);
        }
        if (tables.Count == 0) return html;

        // Measured first and written once: the wrapped body is one new string, not a builder's chunks and their copy.
        var length = html.Length;
        for (var number = 1; number <= tables.Count; number++) length += WrapperOpen(number).Length + WrapperClose.Length;
        return string.Create(length, (html, tables), static (span, state) =>
        {
            var (source, ranges) = state;
            var (from, to) = (0, 0);
            for (var i = 0; i < ranges.Count; i++)
            {
                var (start, end) = (ranges[i].Start.Value, ranges[i].End.Value);
                to += Append(span[to..], source.AsSpan(from, start - from));
                to += Append(span[to..], WrapperOpen(i + 1));
                to += Append(span[to..], source.AsSpan(start, end - start));
                to += Append(span[to..], WrapperClose);
                from = end;
            }
            Append(span[to..], source.AsSpan(from));
        });
    }

    private static string WrapperOpen(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table {number}\">");

    private static int Append(Span<char> to, ReadOnlySpan<char> text)
    {
        text.CopyTo(to);
        return text.Length;
    }
}
