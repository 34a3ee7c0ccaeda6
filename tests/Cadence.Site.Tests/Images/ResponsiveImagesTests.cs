using Cadence.Contract;
using Cadence.Images;
using Cadence.Testing;
using NetVips;

namespace Cadence.Site.Tests.Images;

public class ResponsiveImagesTests
{
    [Test]
    public void A_wide_photograph_gets_every_width_in_avif_webp_and_jpeg()
    {
        var variants = ResponsiveImages.Generate(SampleImages.Jpeg(2000, 1000));

        Assert.That(variants.Select(v => (v.ContentType, v.Width)), Is.EqualTo(new[]
        {
            ("image/avif", 480), ("image/webp", 480), ("image/jpeg", 480),
            ("image/avif", 800), ("image/webp", 800), ("image/jpeg", 800),
            ("image/avif", 1200), ("image/webp", 1200), ("image/jpeg", 1200),
            ("image/avif", 1600), ("image/webp", 1600), ("image/jpeg", 1600),
        }));
        foreach (var variant in variants)
        {
            Assert.That(HeaderOf(variant.Bytes), Is.EqualTo((variant.ContentType, variant.Width, variant.Height)), variant.FileName);
            Assert.That(variant.Height, Is.EqualTo(variant.Width / 2), "the aspect ratio is kept");
        }
    }

    [Test]
    public void A_narrow_image_is_never_upscaled_and_keeps_its_own_width()
    {
        var variants = ResponsiveImages.Generate(SampleImages.Png(900, 300));

        Assert.That(variants.Select(v => v.Width).Distinct(), Is.EqualTo(new[] { 480, 800, 900 }));
        Assert.That(variants.Where(v => v.Width == 900).Select(v => HeaderOf(v.Bytes)), Is.EquivalentTo(new[]
        {
            ("image/avif", 900, 300), ("image/webp", 900, 300), ("image/png", 900, 300),
        }), "a PNG falls back to PNG");
    }

    [Test]
    public void A_tiny_image_gets_only_its_own_width()
    {
        var variants = ResponsiveImages.Generate(SampleImages.Png(120, 80, alpha: true));

        Assert.That(variants.Select(v => HeaderOf(v.Bytes)), Is.EqualTo(new[]
        {
            ("image/avif", 120, 80), ("image/webp", 120, 80), ("image/png", 120, 80),
        }));
    }

    [Test]
    public void The_same_bytes_give_the_same_names_and_bytes()
    {
        var source = SampleImages.Jpeg(1000, 700);

        var first = ResponsiveImages.Generate(source);
        var second = ResponsiveImages.Generate(source);

        Assert.That(second.Select(v => v.FileName), Is.EqualTo(first.Select(v => v.FileName)));
        Assert.That(first.Select(v => v.FileName), Has.All.StartWith(ResponsiveImages.NameStem(source) + "-"));
        Assert.That(first[1].FileName, Does.EndWith("-480.webp"));
        Assert.That(second.Zip(first).All(p => p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes)), Is.True, "identical bytes");
    }

    [Test]
    public void Metadata_is_stripped()
    {
        var source = SampleImages.JpegWithExif(900, 600);
        using (var original = Image.NewFromBuffer(source))
            Assert.That(original.GetFields(), Does.Contain("exif-data"), "the sample carries EXIF");

        foreach (var variant in ResponsiveImages.Generate(source))
        {
            using var image = Image.NewFromBuffer(variant.Bytes);
            Assert.That(image.GetFields(), Has.None.StartsWith("exif").And.None.EqualTo("xmp-data"), variant.FileName);
        }
    }

    [Test]
    public void Bytes_that_are_no_image_are_refused() =>
        Assert.Throws<ImageException>(() => ResponsiveImages.Generate("%PDF-1.7 not an image"u8.ToArray()));

    [Test]
    public void The_icon_set_has_every_size_and_a_favicon_holding_a_png()
    {
        var icons = IconSet.Generate(SampleImages.Png(600, 500));

        Assert.That(icons.Select(i => i.FileName), Is.EqualTo(new[] { "icon-32.png", "icon-180.png", "icon-192.png", "icon-512.png", "favicon.ico" }));
        foreach (var icon in icons.Take(4))
            Assert.That(HeaderOf(icon.Bytes), Is.EqualTo(("image/png", icon.Width, icon.Width)), icon.FileName);

        var ico = icons[^1].Bytes;
        Assert.That(ico[..6], Is.EqualTo(new byte[] { 0, 0, 1, 0, 1, 0 }), "an icon directory with one image");
        Assert.That((ico[6], ico[7]), Is.EqualTo(((byte)32, (byte)32)));
        var offset = BitConverter.ToInt32(ico, 18);
        var length = BitConverter.ToInt32(ico, 14);
        Assert.That(offset + length, Is.EqualTo(ico.Length));
        Assert.That(ImageSize.Detect(ico.AsSpan(offset, length)), Is.EqualTo(("image/png", (int?)32, (int?)32)));
    }

    /// <summary>The type and size a variant's own header declares: ours for PNG, JPEG and WebP, libvips' for AVIF.</summary>
    private static (string, int, int) HeaderOf(byte[] bytes)
    {
        if (bytes.AsSpan(4, 8).SequenceEqual("ftypavif"u8))
        {
            using var avif = Image.NewFromBuffer(bytes);
            return ("image/avif", avif.Width, avif.Height);
        }
        var (type, width, height) = ImageSize.Detect(bytes) ?? throw new AssertionException("not an image");
        return (type, width ?? 0, height ?? 0);
    }
}
