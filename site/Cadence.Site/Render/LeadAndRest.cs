namespace Cadence.Site.Render;

/// <summary>
/// A post's body as its page shows it: the first paragraph as the lead, above the cover image, so the reader meets
/// the title and the opening words first; then the rest. A body that does not open on a paragraph has no lead.
/// </summary>
public sealed record LeadAndRest(string? Lead, string Rest)
{
    public static LeadAndRest Split(string html)
    {
        var start = 0;
        while (start < html.Length && char.IsWhiteSpace(html[start])) start++;
        if (string.CompareOrdinal(html, start, "<p>", 0, 3) != 0) return new LeadAndRest(null, html);
        var end = html.IndexOf("</p>", start, StringComparison.Ordinal);
        if (end < 0) return new LeadAndRest(null, html);
        end += "</p>".Length;
        return new LeadAndRest(html[start..end], html[end..]);
    }
}
