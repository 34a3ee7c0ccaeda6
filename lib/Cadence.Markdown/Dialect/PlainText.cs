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
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>Cuts text at a word boundary so it fits <paramref name="max"/> characters, adding an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', '.', ';', ':', ' ') + "…";
    }
}
