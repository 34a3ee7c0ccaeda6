using System.Globalization;

namespace Cadence.Images;

/// <summary>A variant kept in a <see cref="VariantCache"/>: what it is, and the file holding its bytes.</summary>
public sealed record CachedVariant(VariantInfo Info, string Path);

/// <summary>
/// Images' responsive variants, made once per image and kept on disk (by default <c>~/.cache/cadence/images</c>)
/// so a clean site build, or a CMS importing the same starter images again, reads files instead of encoding. An
/// image's entry is a folder named by the recipe and the hash of its bytes, holding its variants and a list of them
/// written last: an encoding stopped half way leaves no list, and the next caller makes the image again.
/// </summary>
/// <param name="recipe">Names what <paramref name="generate"/> makes; a new recipe makes every image again.</param>
public sealed class VariantCache(string root, string recipe, Func<byte[], IReadOnlyList<ImageVariant>> generate)
{
    /// <summary>Responsive variants.</summary>
    public VariantCache(string root) : this(root, ResponsiveImages.Recipe, ResponsiveImages.Generate)
    {
    }

    /// <summary>A site's icon set (<see cref="IconSet"/>).</summary>
    public static VariantCache Icons(string root) => new(root, IconSet.Recipe, IconSet.Generate);

    private const string ListName = "variants.txt";
    private int _encoded;

    /// <summary>How many images this instance encoded because the cache did not have them.</summary>
    public int Encoded => _encoded;

    /// <summary>The cache folder: <c>CADENCE_IMAGE_CACHE</c>, else the user's cache folder.</summary>
    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CADENCE_IMAGE_CACHE");
        if (!string.IsNullOrEmpty(configured)) return configured;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return System.IO.Path.Combine(string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(home, ".cache") : xdg, "cadence", "images");
    }

    /// <summary>The variants of an image, from the cache or made now.</summary>
    /// <exception cref="ImageException">The bytes are not an image libvips reads.</exception>
    public IReadOnlyList<CachedVariant> For(byte[] source)
    {
        var folder = System.IO.Path.Combine(root, recipe, ResponsiveImages.NameStem(source));
        return ReadList(folder) ?? Make(source, folder);
    }

    /// <summary>
    /// The variants of an image the caller draws, named by <paramref name="key"/> (what it is drawn from) instead of
    /// its bytes, so a cached image is not drawn again only to be looked up.
    /// </summary>
    public IReadOnlyList<CachedVariant> For(string key, Func<byte[]> draw)
    {
        var folder = System.IO.Path.Combine(root, recipe, "drawn-" + ResponsiveImages.NameStem(System.Text.Encoding.UTF8.GetBytes(key)));
        return ReadList(folder) ?? Make(draw(), folder);
    }

    private List<CachedVariant> Make(byte[] source, string folder)
    {
        var made = generate(source);
        Interlocked.Increment(ref _encoded);
        Directory.CreateDirectory(folder);
        foreach (var variant in made) WriteWhole(System.IO.Path.Combine(folder, variant.FileName), variant.Bytes);
        var list = made.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.FileName} {v.ContentType} {v.Width} {v.Height}\n"));
        WriteWhole(System.IO.Path.Combine(folder, ListName), System.Text.Encoding.UTF8.GetBytes(string.Concat(list)));
        return made.Select(v => new CachedVariant(v.Info, System.IO.Path.Combine(folder, v.FileName))).ToList();
    }

    /// <summary>Written beside and moved into place: two processes sharing the cache never read a half-written file.</summary>
    private static void WriteWhole(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static List<CachedVariant>? ReadList(string folder)
    {
        var path = System.IO.Path.Combine(folder, ListName);
        if (!File.Exists(path)) return null;
        var variants = new List<CachedVariant>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            var file = System.IO.Path.Combine(folder, parts[0]);
            if (parts.Length != 4 || !File.Exists(file)) return null;
            variants.Add(new CachedVariant(new VariantInfo(parts[0], parts[1],
                int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture)), file));
        }
        return variants;
    }
}
