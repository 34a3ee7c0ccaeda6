using System.Buffers;
using System.Text;

namespace Cadence.Markdown.Dialect;

/// <summary>
/// The words of a document in reading order as one line of text: every run of white space one space, none at
/// either end, blocks and line breaks apart by a space. Gathered by <see cref="DocumentWalk"/>, which sees each
/// piece of text once, so the text never has to be cut back out of the rendered HTML.
/// </summary>
internal sealed class BodyText
{
    // char.IsWhiteSpace, all of it: the text is split on these alike wherever it is searched.
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    // One builder per thread, handed from document to document: a post's text is several kilobytes, and a fresh
    // builder grew to it chunk by chunk for every post.
    [ThreadStatic] private static StringBuilder? t_spare;
    private const int KeptCapacity = 256 * 1024;

    private readonly StringBuilder _text = TakeSpare();
    private bool _spaceOwed;

    private static StringBuilder TakeSpare()
    {
        var spare = t_spare ?? new StringBuilder(4096);
        t_spare = null;
        return spare;
    }

    /// <summary>While above zero, text is not gathered (an image's description).</summary>
    public int Paused { get; set; }

    /// <summary>Ends the current run of words: the next one starts after a space.</summary>
    public void Block() => _spaceOwed = _text.Length > 0;

    public void Append(ReadOnlySpan<char> text)
    {
        if (Paused > 0 || text.IsEmpty) return;
        var first = text.IndexOfAnyExcept(WhiteSpace);
        if (first != 0 && _text.Length > 0) _spaceOwed = true;
        if (first < 0) return;
        var last = text.LastIndexOfAnyExcept(WhiteSpace);
        var words = text[first..(last + 1)];
        // Most text is words one space apart, and is taken whole.
        if (words.IndexOfAny(OtherWhiteSpace) < 0 && !words.Contains("  ", StringComparison.Ordinal)) AppendWords(words);
        else
        {
            while (true)
            {
                var space = words.IndexOfAny(WhiteSpace);
                AppendWords(space < 0 ? words : words[..space]);
                if (space < 0) break;
                _spaceOwed = true;
                words = words[(space + words[space..].IndexOfAnyExcept(WhiteSpace))..];
            }
        }
        _spaceOwed = last < text.Length - 1;
    }

    private void AppendWords(ReadOnlySpan<char> words)
    {
        if (_spaceOwed) _text.Append(' ');
        _text.Append(words);
        _spaceOwed = false;
    }

    /// <summary>
    /// The text gathered, or null when it is not <paramref name="wanted"/>. Call once, at the end: either way the
    /// builder goes on to the thread's next document.
    /// </summary>
    public string? Finish(bool wanted)
    {
        var text = wanted ? _text.ToString() : null;
        if (_text.Capacity <= KeptCapacity)
        {
            _text.Clear();
            t_spare = _text;
        }
        return text;
    }
}
