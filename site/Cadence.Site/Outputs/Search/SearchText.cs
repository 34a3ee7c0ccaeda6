using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using Cadence.Markdown.Dialect;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// How text becomes search terms, the same way here and in the search page's script (site.js, <c>searchTerms</c>):
/// lower case, accents folded, split on anything that is not a letter or digit, and for English a few common
/// suffixes taken off, so "Running", "runs" and "run" meet. Change both together.
/// </summary>
public static class SearchText
{
    /// <summary>Terms shorter than this are not indexed; the script waits for as many letters.</summary>
    public const int MinTermLength = 2;

    /// <summary>Terms longer than this are cut: nobody types them, and they would bloat a shard.</summary>
    public const int MaxTermLength = 24;

    /// <summary>Receives each term of a text; the span is only valid during the call.</summary>
    public delegate void TermHandler(ReadOnlySpan<char> term);

    /// <summary>Each normalised word of <paramref name="text"/>, stemmed when <paramref name="english"/>.</summary>
    public static IEnumerable<string> Terms(string text, bool english)
    {
        var terms = new List<string>();
        EachTerm(text, english, term => terms.Add(term.ToString()));
        return terms;
    }

    /// <summary>
    /// Hands each term to <paramref name="handle"/> without making a string of it: the index reads millions of
    /// words in a build, and interns each distinct one once.
    /// </summary>
    public static void EachTerm(string text, bool english, TermHandler handle)
    {
        var folded = FoldToArray(text, out var length);
        try
        {
            EachTerm(folded, length, english, handle);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    private static void EachTerm(char[] folded, int length, bool english, TermHandler handle)
    {
        var start = -1;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Sixteen characters at a time while they are ASCII (most of a folded post): a word starts or ends
            // wherever the letter mask differs from itself shifted by one, so only those places are visited.
            for (; i + 16 <= length; i += 16)
            {
                if (!PlainText.TryAsciiWordMask(folded.AsSpan(i, 16), out var letters))
                {
                    for (var k = i; k < i + 16; k++)
                        if (IsWordCharacter(folded[k]) != (start >= 0)) Edge(k);
                    continue;
                }
                for (var edges = (letters ^ (letters << 1 | (start >= 0 ? 1u : 0u))) & 0xFFFF; edges != 0; edges &= edges - 1)
                    Edge(i + BitOperations.TrailingZeroCount(edges));
            }
        }
        for (; i < length; i++)
            if (IsWordCharacter(folded[i]) != (start >= 0)) Edge(i);
        if (start >= 0) Edge(length);

        // A word starts at the first edge and ends at the next.
        void Edge(int at)
        {
            if (start < 0)
            {
                start = at;
                return;
            }
            // Stemming shortens the word in place (or ends it in "y" where it was "ies"), in a buffer of our own.
            var word = folded.AsSpan(start, at - start);
            start = -1;
            if (word.Length < MinTermLength) return;
            var term = english ? word[..Stem(word)] : word;
            handle(term.Length > MaxTermLength ? term[..PlainText.WholeGraphemes(term, MaxTermLength)] : term);
        }
    }

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || (!char.IsAscii(c) && char.IsLetterOrDigit(c));

    /// <summary>Lower case without accents: "Café" and "cafe" are one word.</summary>
    public static string Fold(string text)
    {
        var folded = FoldToArray(text, out var length);
        var result = new string(folded, 0, length);
        ArrayPool<char>.Shared.Return(folded);
        return result;
    }

    /// <returns>A pooled buffer (every post's text is folded once; the caller returns it) holding the folded text.</returns>
    private static char[] FoldToArray(string text, out int length)
    {
        var rest = text.AsSpan();
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        length = 0;
        // Only the runs outside ASCII are decomposed: an ASCII character neither decomposes nor is reordered with the
        // marks beside it, and a post is mostly ASCII with a dash or a name here and there (normalising the whole
        // text, and asking each character's category, was most of the folding's time).
        while (!rest.IsEmpty)
        {
            var ascii = rest.IndexOfAnyExceptInRange('\0', '\u007f');
            if (ascii < 0) ascii = rest.Length;
            Ascii.ToLower(rest[..ascii], folded.AsSpan(length), out var written);
            length += written;
            rest = rest[ascii..];
            if (rest.IsEmpty) break;

            var other = rest.IndexOfAnyInRange('\0', '\u007f');
            if (other < 0) other = rest.Length;
            var decomposed = rest[..other].ToString().Normalize(NormalizationForm.FormD);
            if (length + decomposed.Length + rest.Length - other > folded.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(length + decomposed.Length + rest.Length - other);
                folded.AsSpan(0, length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(folded);
                folded = larger;
            }
            foreach (var c in decomposed)
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    folded[length++] = char.ToLowerInvariant(c);
            rest = rest[other..];
        }
        return folded;
    }

    /// <summary>A deliberately small English suffix stripper (not Porter): plurals, -ing, -ed, -ly. A stem keeps
    /// at least three letters, and a doubled final consonant left by -ing/-ed is undoubled ("running" → "run").</summary>
    public static string Stem(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, Stem(buffer));
    }

    /// <returns>The stem's length; the stem is the start of <paramref name="word"/>, which may have been changed.</returns>
    private static int Stem(Span<char> word)
    {
        ReadOnlySpan<char> w = word;
        var n = w.Length;
        if (n <= 3 || !char.IsAsciiLetter(w[^1])) return n;
        if (w.EndsWith("ies", StringComparison.Ordinal) && n > 4)
        {
            word[n - 3] = 'y';
            return n - 2;
        }
        if (w.EndsWith("sses", StringComparison.Ordinal)) return n - 2;
        if (w.EndsWith("ing", StringComparison.Ordinal) && n >= 6) return Undouble(w, n - 3);
        if (w.EndsWith("ed", StringComparison.Ordinal) && n >= 5) return Undouble(w, n - 2);
        if (w.EndsWith("ly", StringComparison.Ordinal) && n >= 5) return n - 2;
        if (w[^1] == 's' && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) return n - 1;
        return n;
    }

    private static int Undouble(ReadOnlySpan<char> word, int n) =>
        n >= 3 && word[n - 1] == word[n - 2] && "bdgmnprt".Contains(word[n - 1]) ? n - 1 : n;

    /// <summary>The shard a term lives in: its first two characters, spelled safely for a file name.</summary>
    public static string ShardOf(string term)
    {
        var prefix = term[..MinTermLength];
        foreach (var c in prefix)
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
                return "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(prefix));
        return prefix;
    }
}
