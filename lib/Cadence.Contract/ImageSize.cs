using System.Buffers.Binary;

namespace Cadence.Contract;

/// <summary>
/// Recognises a file's type and an image's pixel size from its first bytes, never trusting the extension. The CMS
/// checks uploads with it and the site sizes a content folder's images with it, so an image has the same width and
/// height whichever way the site was built.
/// </summary>
public static class ImageSize
{
    /// <summary>How many leading bytes are enough to find the size: a JPEG's frame header can follow large metadata.</summary>
    public const int HeaderBytes = 64 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <returns>The content type, with the size when the header holds one; null for a type neither side accepts.</returns>
    public static (string ContentType, int? Width, int? Height)? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual(PngSignature))
            return ("image/png", BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        if (data.Length >= 10 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
            return ("image/gif", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            var (w, h) = WebpSize(data);
            return ("image/webp", w, h);
        }
        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            var (w, h) = JpegSize(data);
            return ("image/jpeg", w, h);
        }
        if (data.Length >= 5 && data[..5].SequenceEqual("%PDF-"u8)) return ("application/pdf", null, null);
        return null;
    }

    /// <summary>An image's pixel size, or null when the bytes are no image this reads or hold no size.</summary>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> data) =>
        Detect(data) is (_, int width, int height) ? (width, height) : null;

    /// <summary>The size of the image file at <paramref name="path"/>, reading only its header; null when unreadable.</summary>
    public static (int Width, int Height)? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var header = new byte[HeaderBytes];
            var length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return Read(header.AsSpan(0, length));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (int? Width, int? Height) JpegSize(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF) { i++; continue; }
            var marker = data[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) share the range but do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]));
            i += 2 + length;
        }
        return (null, null);
    }

    // The first chunk says which of WebP's three headers follows: extended (VP8X), lossy (VP8) or lossless (VP8L).
    private static (int? Width, int? Height) WebpSize(ReadOnlySpan<byte> data)
    {
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return (1 + (data[24] | data[25] << 8 | data[26] << 16), 1 + (data[27] | data[28] << 8 | data[29] << 16));
        if (chunk.SequenceEqual("VP8 "u8))
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        return (null, null);
    }
}
