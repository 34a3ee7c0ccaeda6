using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

public static class PlainText
{
    public static string Of(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString().Trim();
    }

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            // ASCII first: the general test looks a character's category up, and a post is mostly ASCII.
            var letter = char.IsAsciiLetterOrDigit(c) || (!char.IsAscii(c) && char.IsLetterOrDigit(c));
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>Cuts text at a word boundary so it fits <paramref name="max"/> characters, adding an ellipsis.</summary>
    /// <remarks>Never inside a grapheme: half an emoji is a lone surrogate, which feeds and JSON writers turn into U+FFFD or refuse.</remarks>
    public static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var whole = WholeGraphemes(text, max - 1);
        var cut = whole > 0 ? text.LastIndexOf(' ', whole - 1) : -1;
        return text[..(cut > max / 2 ? cut : whole)].TrimEnd(',', '.', ';', ':', ' ') + "…";
    }

    /// <summary>The length of the longest start of <paramref name="text"/> that ends between graphemes and fits <paramref name="max"/> characters.</summary>
    public static int WholeGraphemes(ReadOnlySpan<char> text, int max)
    {
        var length = 0;
        while (length < text.Length)
        {
            var next = System.Globalization.StringInfo.GetNextTextElementLength(text[length..]);
            if (length + next > max) break;
            length += next;
        }
        return length;
    }
}
