using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

public static class PlainText
{
    // Headings, first paragraphs and image descriptions are short; one builder per thread serves them all.
    [ThreadStatic] private static System.Text.StringBuilder? t_text;

    /// <summary>The words of an inline run (a heading, a paragraph, an image's description), without markup.</summary>
    public static string Of(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = t_text ??= new System.Text.StringBuilder(256);
        text.Clear();
        Gather(text, inline);
        var words = text.ToString().Trim();
        if (text.Capacity > 64 * 1024) t_text = null; // a rare long paragraph's buffer is not kept
        return words;
    }

    // Depth first, in reading order, as a reader meets the words.
    private static void Gather(System.Text.StringBuilder text, ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case ContainerInline inner: Gather(text, inner); break;
            }
        }
    }

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Sixteen characters at a time while they are ASCII: a word starts at each letter or digit whose left
            // neighbour is neither, so the starts are the letter mask less itself shifted by one, counted at once. A
            // block holding any other character is counted one character at a time.
            for (; i + 16 <= text.Length; i += 16)
            {
                if (!TryAsciiWordMask(text.Slice(i, 16), out var letters))
                {
                    words += CountWordsOneByOne(text.Slice(i, 16), ref inWord);
                    continue;
                }
                words += BitOperations.PopCount(letters & ~(letters << 1 | (inWord ? 1u : 0u)));
                inWord = (letters & 0x8000) != 0;
            }
        }
        return words + CountWordsOneByOne(text[i..], ref inWord);
    }

    /// <summary>
    /// Bit k of <paramref name="letters"/> is set when character k of <paramref name="sixteen"/> is an ASCII letter
    /// or digit (<see cref="char.IsAsciiLetterOrDigit"/>); false, and no mask, when any of them is not ASCII. For
    /// callers that split text into words sixteen characters at a time; only when <see cref="Vector128.IsHardwareAccelerated"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per sixteen characters; a call costs as much as its body
    public static bool TryAsciiWordMask(ReadOnlySpan<char> sixteen, out uint letters)
    {
        var units = MemoryMarshal.Cast<char, ushort>(sixteen);
        var low = Vector128.Create(units[..8]);
        var high = Vector128.Create(units.Slice(8, 8));
        letters = 0;
        if (((low | high) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero) return false;
        // All ASCII, so narrowing to bytes loses nothing, and a byte mask is one instruction to extract.
        var c = Vector128.Narrow(low, high);
        letters = (Vector128.LessThan((c | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26))
            | Vector128.LessThan(c - Vector128.Create((byte)'0'), Vector128.Create((byte)10))).ExtractMostSignificantBits();
        return true;
    }

    private static int CountWordsOneByOne(ReadOnlySpan<char> text, ref bool inWord)
    {
        var words = 0;
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
