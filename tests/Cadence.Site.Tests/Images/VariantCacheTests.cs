using Cadence.Images;
using Cadence.Testing;

namespace Cadence.Site.Tests.Images;

/// <summary>Drawn images (the default icon) are cached by what they are drawn from, so a build finds them without drawing.</summary>
public class VariantCacheTests
{
    private string _root = "";

    [SetUp]
    public void Create() => _root = Directory.CreateTempSubdirectory("cadence-variants-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_drawn_image_is_drawn_once_per_key_even_by_another_process_sharing_the_cache()
    {
        var drawn = 0;
        byte[] Draw() { drawn++; return SampleImages.Png(600, 600); }

        var first = VariantCache.Icons(_root).For("clinic A #0a7d5c", Draw);
        var again = VariantCache.Icons(_root).For("clinic A #0a7d5c", Draw);
        Assert.That(drawn, Is.EqualTo(1), "the second cache found the icons by their key");
        Assert.That(again.Select(v => (v.Info, v.Path)), Is.EqualTo(first.Select(v => (v.Info, v.Path))));
        Assert.That(again.Select(v => File.ReadAllBytes(v.Path).Length), Has.All.GreaterThan(0));

        VariantCache.Icons(_root).For("clinic B #0a7d5c", Draw);
        Assert.That(drawn, Is.EqualTo(2), "another key is drawn");
    }

    [Test]
    public void The_default_icon_key_changes_with_what_the_icon_shows_and_only_with_that()
    {
        Assert.That(DefaultIcon.Key("stride clinic", "#0a7d5c"), Is.EqualTo(DefaultIcon.Key(" Stride Physio", "#0a7d5c")), "same initial, same colour");
        Assert.That(DefaultIcon.Key("Stride Clinic", "#0a7d5c"), Is.Not.EqualTo(DefaultIcon.Key("Run Clinic", "#0a7d5c")));
        Assert.That(DefaultIcon.Key("Stride Clinic", "#0a7d5c"), Is.Not.EqualTo(DefaultIcon.Key("Stride Clinic", "#123456")));
    }
}
