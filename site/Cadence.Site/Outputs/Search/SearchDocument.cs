using System.Buffers;
using System.Net;
using System.Text;
using Cadence.Markdown.Dialect;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// One post or page as search sees it: what a result shows, and the weight of each of its terms. The text a
/// snippet is cut from is not held here: it is written to its own file when the document is made, and only that
/// file's name is kept, so a build holds a few bytes per term occurrence instead of every body.
/// </summary>
/// <param name="Date">The date as the site shows it, in the site's language; empty for pages.</param>
/// <param name="TextName">The name of the document's text file (search/f/{name}.json), a hash of its content.</param>
/// <param name="Terms">Ids in the build's <see cref="TermTable"/>, ascending.</param>
/// <param name="Weights">Each term's weight, in the order of <paramref name="Terms"/>: a title word counts most,
/// then tags and headings, the excerpt, the body.</param>
public sealed record SearchDocument(string Url, string Title, string Date, string TextName, int[] Terms, byte[] Weights)
{
    public static string TextPath(string name) => $"search/f/{name}.json";

    /// <summary>True when both put the same weights on the same terms, so every shard holds them alike.</summary>
    public bool SameTerms(SearchDocument other) =>
        ReferenceEquals(this, other) || (Terms.AsSpan().SequenceEqual(other.Terms) && Weights.AsSpan().SequenceEqual(other.Weights));

    /// <summary>True when a document list chunk shows both alike.</summary>
    public bool SameListing(SearchDocument other) =>
        Url == other.Url && Title == other.Title && Date == other.Date && TextName == other.TextName;
}

/// <summary>Turns a rendered body into a <see cref="SearchDocument"/> and the bytes of its text file.</summary>
public static class SearchDocuments
{
    public const int TextLength = 4000;
    private const int TitleWeight = 16, TagWeight = 8, HeadingWeight = 6, ExcerptWeight = 2, BodyWeight = 1;

    public static (SearchDocument Document, byte[] TextFile) Make(TermTable table, string url, string title, string date, string? excerpt,
        IEnumerable<string> tags, RenderedMarkdown body, bool english)
    {
        // The words as the Markdown walk gathered them; a body with raw HTML is read from its sanitised rendering.
        var (text, headings) = body.PlainText is { } plain ? (plain, body.Facts.Headings.Select(h => h.Text)) : PlainText(body.Html);
        var weights = TermWeights.ForThisThread();
        void Add(string content, int weight) => SearchText.EachTerm(content, english, term => weights.Add(table.IdOf(term), weight));
        Add(title, TitleWeight);
        foreach (var tag in tags) Add(tag, TagWeight);
        foreach (var heading in headings) Add(heading, HeadingWeight);
        if (excerpt is not null) Add(excerpt, ExcerptWeight);
        Add(text, BodyWeight);

        var (terms, bytes) = weights.ToArrays();
        var textFile = SearchIndexFiles.TextFile(text.AsSpan(0, Math.Min(text.Length, TextLength)));
        return (new SearchDocument(url, title, date, SearchIndexFiles.Fingerprint(textFile), terms, bytes), textFile);
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
                if (skipping == 0)
                {
                    var run = html.AsSpan(i, next - i);
                    if (run.Contains('&')) text.Append(WebUtility.HtmlDecode(run.ToString()));
                    else text.Append(run);
                }
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

    /// <summary>Each run of white space as one space, none at either end.</summary>
    private static string Collapse(StringBuilder text)
    {
        var result = ArrayPool<char>.Shared.Rent(text.Length);
        var length = 0;
        foreach (var chunk in text.GetChunks())
            foreach (var c in chunk.Span)
            {
                if (!char.IsWhiteSpace(c)) result[length++] = c;
                else if (length > 0 && result[length - 1] != ' ') result[length++] = ' ';
            }
        if (length > 0 && result[length - 1] == ' ') length--;
        var collapsed = new string(result, 0, length);
        ArrayPool<char>.Shared.Return(result);
        return collapsed;
    }
}
