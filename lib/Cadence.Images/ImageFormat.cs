using NetVips;

namespace Cadence.Images;

/// <summary>An output format: its content type, file extension and how libvips encodes it. Metadata is never kept.</summary>
public sealed class ImageFormat
{
    private readonly Func<Image, byte[]> _encode;

    private ImageFormat(string contentType, string extension, Func<Image, byte[]> encode) =>
        (ContentType, Extension, _encode) = (contentType, extension, encode);

    public string ContentType { get; }
    public string Extension { get; }

    public byte[] Encode(Image image) => _encode(image);

    // Effort chosen for build time: AVIF at effort 2 encodes several times faster than libvips' default and is still
    // far smaller than WebP or JPEG of the same look.
    public static readonly ImageFormat Avif = new("image/avif", ".avif",
        i => i.HeifsaveBuffer(q: 55, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None));

    public static readonly ImageFormat Webp = new("image/webp", ".webp",
        i => i.WebpsaveBuffer(q: 78, effort: 3, keep: Enums.ForeignKeep.None));

    public static readonly ImageFormat Jpeg = new("image/jpeg", ".jpg",
        i => i.JpegsaveBuffer(q: 80, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None));

    public static readonly ImageFormat Png = new("image/png", ".png",
        i => i.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None));
}
