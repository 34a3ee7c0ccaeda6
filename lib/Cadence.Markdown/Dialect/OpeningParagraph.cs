namespace Cadence.Markdown.Dialect;

/// <summary>A rendered body's opening paragraph, which a page may show apart from the rest (a post's lead).</summary>
public static class OpeningParagraph
{
    /// <returns>Where the paragraph starts and ends (after its <c>&lt;/p&gt;</c>); none when the HTML opens on anything else.</returns>
    public static (int Start, int End)? Find(ReadOnlySpan<char> html)
    {
        var start = 0;
        while (start < html.Length && char.IsWhiteSpace(html[start])) start++;
        var rest = html[start..];
        if (!rest.StartsWith("<p>", StringComparison.Ordinal)) return null;
        var close = rest.IndexOf("</p>", StringComparison.Ordinal);
        return close < 0 ? null : (start, start + close + "</p>".Length);
    }
}
