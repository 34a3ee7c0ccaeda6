using Cadence.Contract;
using Cadence.Images;

namespace Cadence.Site.Source;

/// <summary>A folder build's responsive images, through the shared <see cref="VariantCache"/> (outside the output).</summary>
public sealed class ImageVariantCache(string root)
{
    /// <summary>Where variants are published; the CMS serves them at the same addresses.</summary>
    public const string UrlPrefix = "/media/variants/";

    private readonly VariantCache _cache = new(root);

    /// <summary>How many images were encoded because the cache did not have them.</summary>
    public int Encoded => _cache.Encoded;

    public static string DefaultRoot() => VariantCache.DefaultRoot();

    /// <summary>The variants of the image at <paramref name="path"/>, with their files; none when it is no image libvips reads.</summary>
    public (IReadOnlyList<ApiImageVariant> Variants, IReadOnlyList<MediaFile> Files) For(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (ImageSize.Detect(bytes) is not { ContentType: not "application/pdf" }) return ([], []);
        IReadOnlyList<CachedVariant> cached;
        try
        {
            cached = _cache.For(bytes);
        }
        catch (ImageException)
        {
            return ([], []);
        }
        return (cached.Select(c => new ApiImageVariant(UrlPrefix + c.Info.FileName, c.Info.ContentType, c.Info.Width, c.Info.Height)).ToList(),
            cached.Select(c => new MediaFile(UrlPrefix + c.Info.FileName, ct => File.ReadAllBytesAsync(c.Path, ct))).ToList());
    }
}
