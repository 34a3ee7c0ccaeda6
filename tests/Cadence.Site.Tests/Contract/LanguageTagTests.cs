using Cadence.Contract;

namespace Cadence.Site.Tests.Contract;

/// <summary>The site language rule the CMS's settings, its importer and the site's build all apply.</summary>
public class LanguageTagTests
{
    [TestCase("en-gb", "en-GB")]
    [TestCase(" de-DE ", "de-DE")]
    [TestCase("fr-FR", "fr-FR")]
    [TestCase("xx-YY", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void A_tag_is_spelled_as_its_culture_spells_it_or_refused(string? tag, string? expected) =>
        Assert.That(LanguageTag.Normalise(tag), Is.EqualTo(expected));

    [Test]
    public void The_default_is_a_language_the_site_can_show_dates_in() =>
        Assert.That(Model.SiteLanguage.From(null).Tag, Is.EqualTo(LanguageTag.Default).And.EqualTo("en-GB"));
}
