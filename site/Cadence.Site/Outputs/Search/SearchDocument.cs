using System.Net;
using System.Text;

namespace Cadence.Site.Outputs.Search;

/// <summary>One post or page as search sees it: what a result shows, and the weight of each of its terms.</summary>
/// <param name="Date">The date as the site shows it, in the site's language; empty for pages.</param>
/// <param name="Text">The plain text a result's snippet is cut from (capped at <see cref="SearchDocuments.TextLength"/>).</param>
/// <param name="Weights">Term → weight: a title word counts most, then tags and headings, the excerpt, the body.</param>
public sealed record SearchDocument(string Url, string Title, string Date, string Text, IReadOnlyDictionary<string, int> Weights);

/// <summary>Turns a rendered body into a <see cref="SearchDocument"/>.</summary>
public static class SearchDocuments
{
    public const int TextLength = 4000;
    private const int TitleWeight = 16, TagWeight = 8, HeadingWeight = 6, ExcerptWeight = 2, BodyWeight = 1, MaxWeight = 60;

    public static SearchDocument Make(string url, string title, string date, string? excerpt, IEnumerable<string> tags, string bodyHtml, bool english)
    {
        var (text, headings) = PlainText(bodyHtml);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string content, int weight)
        {
            foreach (var term in SearchText.Terms(content, english))
                weights[term] = Math.Min(MaxWeight, weights.GetValueOrDefault(term) + weight);
        }
        Add(title, TitleWeight);
        foreach (var tag in tags) Add(tag, TagWeight);
        foreach (var heading in headings) Add(heading, HeadingWeight);
        if (excerpt is not null) Add(excerpt, ExcerptWeight);
        Add(text, BodyWeight);
        var shown = text.Length > TextLength ? text[..TextLength] : text;
        return new SearchDocument(url, title, date, shown, weights);
    }

    /// <summary>The words a reader sees in the body, and its headings. Forms (labels, the spam trap) are not content.</summary>
    public static (string Text, List<string> Headings) PlainText(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var headings = new List<string>();
        var heading = -1;
        var skipping = 0;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<')
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = html.Length;
                if (skipping == 0) text.Append(WebUtility.HtmlDecode(html[i..next]));
                i = next;
                continue;
            }
            var end = html.IndexOf('>', i);
            if (end < 0) break;
            var tag = html.AsSpan(i + 1, end - i - 1);
            var closing = tag.StartsWith("/");
            var name = closing ? tag[1..] : tag;
            var nameEnd = name.IndexOfAny(' ', '\t', '\n');
            if (nameEnd >= 0) name = name[..nameEnd];
            name = name.TrimEnd('/');
            if (name.Equals("form", StringComparison.OrdinalIgnoreCase) || name.Equals("script", StringComparison.OrdinalIgnoreCase)
                || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                skipping = Math.Max(0, skipping + (closing ? -1 : 1));
            else if (name.Length == 2 && (name[0] is 'h' or 'H') && name[1] is >= '1' and <= '6')
            {
                if (closing && heading >= 0) headings.Add(text.ToString(heading, text.Length - heading).Trim());
                heading = closing ? -1 : text.Length;
            }
            if (IsBlock(name) && text.Length > 0 && text[^1] != ' ') text.Append(' ');
            i = end + 1;
        }
        return (Collapse(text), headings);
    }

    private static bool IsBlock(ReadOnlySpan<char> name) =>
        name is "p" or "li" or "br" or "div" or "td" or "th" or "tr" or "blockquote" or "pre" or "figcaption" or "dt" or "dd"
        || (name.Length == 2 && name[0] == 'h' && char.IsAsciiDigit(name[1]));

    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var chunk in text.GetChunks())
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c)) { if (result.Length > 0 && result[^1] != ' ') result.Append(' '); }
                else result.Append(c);
            }
        return result.ToString().Trim();
    }
}
