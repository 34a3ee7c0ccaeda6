using Cadence.Markdown;

namespace Cadence.Cms.Tests.Content;

public class SlugTests
{
    [TestCase("Knee pain when running", "knee-pain-when-running")]
    [TestCase("Café crème: Übung für Läufer", "cafe-creme-ubung-fur-laufer")]
    [TestCase("Straße & Æble ØL", "strasse-and-aeble-ol")]
    [TestCase("  --Runner's   knee?!  ", "runners-knee")]
    [TestCase("10% rule: myth or math", "10-rule-myth-or-math")]
    public void Slugs_are_ascii_lower_case_and_hyphenated(string title, string expected) =>
        Assert.That(Slug.From(title), Is.EqualTo(expected));

    [Test]
    public void Long_titles_are_cut_at_the_maximum_without_a_trailing_hyphen()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("hamstring", 20)));
        Assert.That(slug.Length, Is.LessThanOrEqualTo(Slug.MaxLength));
        Assert.That(slug, Does.Not.EndWith("-"));
    }

    [TestCase("knee-pain", true)]
    [TestCase("Knee-pain", false)]
    [TestCase("knee--pain", false)]
    [TestCase("-knee", false)]
    [TestCase("", false)]
    [TestCase("knee_pain", false)]
    public void Validity(string slug, bool valid) => Assert.That(Slug.IsValid(slug), Is.EqualTo(valid));

    [Test]
    public void Unique_adds_the_first_free_number()
    {
        var taken = new HashSet<string> { "shin-splints", "shin-splints-2" };
        Assert.That(Slug.Unique("shin-splints", taken.Contains), Is.EqualTo("shin-splints-3"));
        Assert.That(Slug.Unique("hip-strength", taken.Contains), Is.EqualTo("hip-strength"));
    }
}
