using Cadence.Markdown.Dialect;

namespace Cadence.Site.Tests;

/// <summary>The dialect's word count, which reads sixteen ASCII characters at a time, against a count of one character at a time.</summary>
public class WordCountTests
{
    [TestCase("", 0)]
    [TestCase("one", 1)]
    [TestCase("Run 5 km, then 10 more—twice.", 7)]
    [TestCase("a sixteen-letter wordsthatcrossesablockedge here", 5)]
    [TestCase("               word that starts at sixteen", 5)]
    [TestCase("fifteen letters_b", 3)]
    [TestCase("Café au lait, naïve élan; 東京 マラソン", 7)]
    public void Counts_runs_of_letters_and_digits(string text, int words) =>
        Assert.That(PlainText.CountWords(text), Is.EqualTo(words));

    [Test]
    public void Counts_as_a_character_by_character_walk_does_at_every_length_and_alignment()
    {
        // Letters, digits, white space and punctuation in ASCII; accented letters, a dash, a surrogate pair and an
        // ideograph outside it, so blocks fall back to the walk at every position.
        string[] pieces = ["a", "Z", "q", "7", " ", " ", "\n", ",", "-", "_", "@", "[", "`", "{", "é", "—", "😀", "東", "\u0301"];
        var random = new Random(20261203);
        for (var round = 0; round < 5_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => pieces[random.Next(round % 3 == 0 ? 14 : pieces.Length)]));
            Assert.That(PlainText.CountWords(text), Is.EqualTo(OneByOne(text)), text);
        }
    }

    private static int OneByOne(string text)
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
}
