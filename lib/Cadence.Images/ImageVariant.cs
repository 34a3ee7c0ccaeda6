namespace Cadence.Images;

/// <summary>One encoded copy of an image at one width, published as <see cref="FileName"/>.</summary>
public sealed record ImageVariant(string FileName, string ContentType, int Width, int Height, byte[] Bytes)
{
    /// <summary>The variant without its bytes: what a page needs to point at it.</summary>
    public VariantInfo Info => new(FileName, ContentType, Width, Height);
}

/// <summary>What a page needs to know about a variant: its file name, type and pixel size.</summary>
public sealed record VariantInfo(string FileName, string ContentType, int Width, int Height);
