using System.Globalization;
using Cadence.Contract;
using Cadence.Images;

namespace Cadence.Site.Source;

/// <summary>
/// A folder build's responsive images, made once per image and kept in a cache outside the output (by default
/// <c>~/.cache/cadence/images</c>), so a clean build with a warm cache reads files instead of encoding. An image's
/// entry is a folder named by the hash of its bytes holding its variants and a list of them, written last: a
/// build stopped half way leaves no list, and the next one makes the image again.
/// </summary>
public sealed class ImageVariantCache(string root)
{
    public const string UrlPrefix = "/media/variants/";
    private const string ListName = "variants.txt";

    /// <summary>How many images were encoded (not found in the cache) by this instance.</summary>
    public int Encoded => _encoded;
    private int _encoded;

    /// <summary>The cache folder: <c>CADENCE_IMAGE_CACHE</c>, else the user's cache folder.</summary>
    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CADENCE_IMAGE_CACHE");
        if (!string.IsNullOrEmpty(configured)) return configured;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".cache") : xdg, "cadence", "images");
    }

    /// <summary>The variants of the image at <paramref name="path"/>, with their files; none when it is no image libvips reads.</summary>
    public (IReadOnlyList<ApiImageVariant> Variants, IReadOnlyList<MediaFile> Files) For(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (ImageSize.Detect(bytes) is not { ContentType: not "application/pdf" }) return ([], []);
        var folder = Path.Combine(root, ResponsiveImages.Recipe, ResponsiveImages.NameStem(bytes));
        var variants = ReadList(folder) ?? Make(bytes, folder);
        var files = variants.Select(v => new MediaFile(v.Url, ct => File.ReadAllBytesAsync(Path.Combine(folder, v.Url[UrlPrefix.Length..]), ct))).ToList();
        return (variants, files);
    }

    private List<ApiImageVariant> Make(byte[] bytes, string folder)
    {
        IReadOnlyList<ImageVariant> made;
        try
        {
            made = ResponsiveImages.Generate(bytes);
        }
        catch (ImageException)
        {
            return [];
        }
        Interlocked.Increment(ref _encoded);
        Directory.CreateDirectory(folder);
        foreach (var variant in made) WriteWhole(Path.Combine(folder, variant.FileName), variant.Bytes);
        var list = made.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.FileName} {v.ContentType} {v.Width} {v.Height}\n"));
        WriteWhole(Path.Combine(folder, ListName), System.Text.Encoding.UTF8.GetBytes(string.Concat(list)));
        return made.Select(v => new ApiImageVariant(UrlPrefix + v.FileName, v.ContentType, v.Width, v.Height)).ToList();
    }

    /// <summary>Written beside and moved into place: two builds sharing the cache never read a half-written file.</summary>
    private static void WriteWhole(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static List<ApiImageVariant>? ReadList(string folder)
    {
        var path = Path.Combine(folder, ListName);
        if (!File.Exists(path)) return null;
        var variants = new List<ApiImageVariant>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length != 4 || !File.Exists(Path.Combine(folder, parts[0]))) return null;
            variants.Add(new ApiImageVariant(UrlPrefix + parts[0], parts[1],
                int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture)));
        }
        return variants;
    }
}
