using System.Buffers.Binary;
using NetVips;

namespace Cadence.Images;

/// <summary>
/// The icons a site publishes, made from one roughly square image (cropped to its centre): PNGs for the favicon
/// (32), the apple-touch-icon (180) and the web manifest (192, 512), and a <c>favicon.ico</c> holding the 32 px PNG
/// (an ICO file may carry a PNG as it is, behind a 22-byte header).
/// </summary>
public static class IconSet
{
    public static IReadOnlyList<int> Sizes { get; } = [32, 180, 192, 512];

    /// <summary>Names this way of making icons in a <see cref="VariantCache"/>.</summary>
    public const string Recipe = "icons1";

    static IconSet() => LibVips.Configure();

    /// <summary>The icons, named <c>icon-{size}.png</c> and <c>favicon.ico</c>.</summary>
    /// <exception cref="ImageException">The bytes are not an image libvips reads.</exception>
    public static IReadOnlyList<ImageVariant> Generate(byte[] source)
    {
        var icons = new List<ImageVariant>();
        try
        {
            foreach (var size in Sizes)
            {
                // Smaller images are enlarged here: an icon must have its exact size, whatever it was made from.
                using var square = Image.ThumbnailBuffer(source, size, height: size, crop: Enums.Interesting.Centre);
                using var exact = square.Width == size && square.Height == size ? square.Copy() : square.ThumbnailImage(size, height: size, size: Enums.Size.Force);
                icons.Add(new ImageVariant($"icon-{size}.png", "image/png", size, size, ImageFormat.Png.Encode(exact)));
            }
        }
        catch (VipsException e)
        {
            throw new ImageException("The image could not be read.", e);
        }
        var favicon = icons[0];
        icons.Add(new ImageVariant("favicon.ico", "image/x-icon", favicon.Width, favicon.Height, Ico(favicon.Bytes, favicon.Width)));
        return icons;
    }

    /// <summary>An ICO file holding one PNG image: the directory header, one entry, then the PNG as it is.</summary>
    private static byte[] Ico(byte[] png, int size)
    {
        const int headerLength = 6 + 16;
        var ico = new byte[headerLength + png.Length];
        var span = ico.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 1); // type: icon
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 1); // one image
        span[6] = (byte)(size % 256); // width and height; 0 means 256
        span[7] = (byte)(size % 256);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], 1); // colour planes
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], 32); // bits per pixel
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], (uint)png.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], headerLength);
        png.CopyTo(span[headerLength..]);
        return ico;
    }
}
