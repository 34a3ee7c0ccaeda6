using NetVips;

namespace Cadence.Testing;

/// <summary>Test images made on the spot: noise (so encoders cannot shrink them to nothing) at a given size.</summary>
public static class SampleImages
{
    public static byte[] Jpeg(int width, int height) => Photo(width, height).JpegsaveBuffer(q: 90);

    public static byte[] Png(int width, int height, bool alpha = false)
    {
        using var photo = Photo(width, height);
        if (!alpha) return photo.PngsaveBuffer();
        using var withAlpha = photo.Bandjoin(255);
        return withAlpha.PngsaveBuffer();
    }

    /// <summary>A JPEG carrying EXIF (a camera's make), which no variant may keep.</summary>
    public static byte[] JpegWithExif(int width, int height)
    {
        using var photo = Photo(width, height);
        using var tagged = photo.Mutate(m => m.Set(GValue.GStrType, "exif-ifd0-Make", "Cadence test camera"));
        return tagged.JpegsaveBuffer(q: 90);
    }

    private static Image Photo(int width, int height)
    {
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 40);
        using var grey = noise.Cast(Enums.BandFormat.Uchar);
        return grey.Bandjoin(grey, grey).Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
