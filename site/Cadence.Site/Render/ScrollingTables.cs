using System.Globalization;
using System.Text;

namespace Cadence.Site.Render;

/// <summary>
/// Wraps each table of a rendered body in a region that scrolls sideways on a narrow screen. The region can take
/// keyboard focus, so a reader without a mouse can scroll it too, and is named so a screen reader says what it is.
/// </summary>
public static class ScrollingTables
{
    private const string Open = "<table>";
    private const string Close = "</table>";

    public static string Wrap(string html)
    {
        if (!html.Contains(Open, StringComparison.Ordinal)) return html;
        var result = new StringBuilder(html.Length + 256);
        var (at, number) = (0, 0);
        while (true)
        {
            var start = html.IndexOf(Open, at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : html.IndexOf(Close, start, StringComparison.Ordinal);
            if (end < 0) break;
            end += Close.Length;
            number++;
            result.Append(html, at, start - at)
                .Append(CultureInfo.InvariantCulture, $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table {number}\">")
                .Append(html, start, end - start)
                .Append("</div>");
            at = end;
        }
        return result.Append(html, at, html.Length - at).ToString();
    }
}
