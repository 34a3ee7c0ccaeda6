using System.Globalization;
using System.Text;

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

    /// <summary>Each normalised word of <paramref name="text"/>, stemmed when <paramref name="english"/>.</summary>
    public static IEnumerable<string> Terms(string text, bool english)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (word.Length < MinTermLength) continue;
                var term = english ? Stem(word) : word;
                yield return term.Length > MaxTermLength ? term[..Cadence.Markdown.Dialect.PlainText.WholeGraphemes(term, MaxTermLength)] : term;
            }
        }
    }

    /// <summary>Lower case without accents: "Café" and "cafe" are one word.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        return folded.ToString();
    }

    /// <summary>A deliberately small English suffix stripper (not Porter): plurals, -ing, -ed, -ly. A stem keeps
    /// at least three letters, and a doubled final consonant left by -ing/-ed is undoubled ("running" → "run").</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length >= 6) return Undouble(word[..^3]);
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length >= 5) return Undouble(word[..^2]);
        if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length >= 5) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && "bdgmnprt".Contains(stem[^1]) ? stem[..^1] : stem;

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
