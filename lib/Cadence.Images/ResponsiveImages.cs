using System.Security.Cryptography;
using NetVips;

namespace Cadence.Images;

/// <summary>
/// Makes an image's responsive variants: each of <see cref="Widths"/> narrower than the image, plus the image's own
/// width when it is narrower than the widest, in AVIF, WebP and a fallback every browser shows (JPEG for
/// photographs, PNG where there is transparency). Never upscales. Names depend only on the bytes and the width,
/// so the CMS and a folder build publish the same files, and a cache can be keyed by them.
/// </summary>
public static class ResponsiveImages
{
    /// <summary>The widths offered to browsers, in CSS pixels at 1x and 2x of the theme's column and phone screens.</summary>
    public static IReadOnlyList<int> Widths { get; } = [480, 800, 1200, 1600];

    /// <summary>Changes when the widths, formats or encoder settings change, so cached variants are made again.</summary>
    public const string Recipe = "r1";

    static ResponsiveImages() => LibVips.Configure();

    /// <summary>The widths an image <paramref name="sourceWidth"/> pixels wide gets: never wider than itself.</summary>
    public static IReadOnlyList<int> WidthsFor(int sourceWidth)
    {
        var widest = Widths[^1];
        var widths = Widths.Where(w => w < sourceWidth).ToList();
        if (sourceWidth < widest && !widths.Contains(sourceWidth)) widths.Add(sourceWidth);
        return widths;
    }

    /// <summary>The stem every variant's file name starts with: a short hash of the source bytes.</summary>
    public static string NameStem(ReadOnlySpan<byte> source) => Convert.ToHexStringLower(SHA256.HashData(source))[..16];

    /// <summary>Every variant of <paramref name="source"/>, narrowest first, AVIF then WebP then the fallback per width.</summary>
    /// <exception cref="ImageException">The bytes are not an image libvips reads.</exception>
    public static IReadOnlyList<ImageVariant> Generate(byte[] source)
    {
        var stem = NameStem(source);
        var variants = new List<ImageVariant>();
        try
        {
            using var probe = Image.NewFromBuffer(source, access: Enums.Access.Sequential);
            var fallback = Fallback(probe.Get("vips-loader") as string, probe.HasAlpha());
            var widths = WidthsFor(probe.Width);
            // Decoded once at the widest size wanted (shrink-on-load: a JPEG decodes straight to about that size),
            // held in memory, and every narrower width resized from it rather than from the original.
            using var widest = Image.ThumbnailBuffer(source, widths[^1], height: 100_000, size: Enums.Size.Down).CopyMemory();
            foreach (var width in widths)
            {
                using var resized = width == widest.Width ? widest.Copy() : widest.ThumbnailImage(width, height: 100_000, size: Enums.Size.Down);
                foreach (var format in new[] { ImageFormat.Avif, ImageFormat.Webp, fallback })
                    variants.Add(new ImageVariant($"{stem}-{resized.Width}{format.Extension}", format.ContentType,
                        resized.Width, resized.Height, format.Encode(resized)));
            }
        }
        catch (VipsException e)
        {
            throw new ImageException("The image could not be read.", e);
        }
        return variants;
    }

    private static ImageFormat Fallback(string? loader, bool hasAlpha) => loader switch
    {
        "jpegload_buffer" => ImageFormat.Jpeg,
        "pngload_buffer" => ImageFormat.Png,
        _ => hasAlpha ? ImageFormat.Png : ImageFormat.Jpeg,
    };
}

/// <summary>The bytes given are not an image this library can read.</summary>
public sealed class ImageException(string message, Exception? inner = null) : Exception(message, inner);
