using Cadence.Markdown.Dialect;
using Cadence.Site.Outputs.Search;

namespace Cadence.Site.Tests.Search;

/// <summary>Search terms, which are found sixteen ASCII characters at a time, against a split of one character at a time.</summary>
public class SearchTermsTests
{
    [Test]
    public void Folds_splits_and_stems_words()
    {
        Assert.That(SearchText.Terms("Running: the Café runs; studies of 10 km — a", english: true),
            Is.EqualTo(new[] { "run", "the", "cafe", "run", "study", "of", "10", "km" }));
        Assert.That(SearchText.Terms("Running studies", english: false), Is.EqualTo(new[] { "running", "studies" }));
    }

    [Test]
    public void Finds_the_terms_a_character_by_character_split_finds_at_every_length_and_alignment()
    {
        // Words short and long (past the 24-letter cut), stems, digits, ASCII separators, and characters outside
        // ASCII (accents folded away, a dash, an ideograph, an emoji) so blocks fall back to the walk anywhere.
        string[] pieces = ["a", "run", "Running", "studies", "km", "42", "supercalifragilisticexpialidocious", " ", " ", ". ", "-", "_",
            "\n", "@", "[", "`", "{", "Café", "naïve", "—", "東京", "😀"];
        var random = new Random(20261203);
        for (var round = 0; round < 3_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(round % 3 == 0 ? 17 : pieces.Length)]));
            var english = round % 2 == 0;
            Assert.That(SearchText.Terms(text, english), Is.EqualTo(OneByOne(text, english)), text);
        }
    }

    private static List<string> OneByOne(string text, bool english)
    {
        var terms = new List<string>();
        var folded = SearchText.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (word.Length < SearchText.MinTermLength) continue;
                var term = english ? SearchText.Stem(word) : word;
                terms.Add(term.Length > SearchText.MaxTermLength ? term[..PlainText.WholeGraphemes(term, SearchText.MaxTermLength)] : term);
            }
        }
        return terms;
    }
}
