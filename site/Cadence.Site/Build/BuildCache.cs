using System.Globalization;
using System.IO.Hashing;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cadence.Site.Source;
using Cadence.Site.Write;

namespace Cadence.Site.Build;

/// <summary>A post as the last build saw it, without its body: enough to list it, link it and decide what changed.</summary>
/// <param name="Key">The post's <see cref="Model.Post.Key"/>: the card below is valid for a post with this key.</param>
public sealed record CachedPost(ApiPost Post, string Key, string BodyHash, string Excerpt, int ReadingMinutes, int WordCount, IReadOnlyList<string> Media);

/// <summary>A content-folder post file as last read: a changed size or time means reading it again (and then its hash decides).</summary>
public sealed record CachedFile(string Path, long Size, long Modified, string Hash, string? Slug);

/// <summary>
/// What the last build knew, kept beside the output (<c>.{out}.cadence-cache/</c>, never published): every post's
/// facts, every page's input key, the folder's file stamps and the related-post lists. It is trusted only when it
/// was written with the manifest now in the output and by the same code with the same site inputs.
/// </summary>
public sealed record BuildCache(
    int Version, string GlobalKey, string ManifestHash,
    Dictionary<string, CachedPost> Posts,
    Dictionary<string, string> Pages,
    List<CachedFile>? Files,
    string? RelatedKey, int[][]? Related)
{
    public const int CurrentVersion = 1;

    public static string FolderFor(string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.cadence-cache");
    }

    /// <returns>The cache, or null when there is none, it is unreadable, or it does not belong to this manifest.</returns>
    public static BuildCache? Read(string output, string? manifestHash)
    {
        if (manifestHash is null) return null;
        var path = Path.Combine(FolderFor(output), "cache.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            var cache = JsonSerializer.Deserialize(stream, CacheJson.Default.BuildCache);
            return cache is not null && cache.Version == CurrentVersion && cache.ManifestHash == manifestHash ? cache : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null; // a lost cache only costs a full render
        }
    }

    public static void Delete(string output)
    {
        var path = Path.Combine(FolderFor(output), "cache.json");
        if (File.Exists(path)) File.Delete(path);
    }

    public void Write(string output)
    {
        var folder = FolderFor(output);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cache.json");
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) JsonSerializer.Serialize(stream, this, CacheJson.Default.BuildCache);
        File.Move(temporary, path, overwrite: true);
    }

    public static string Hex(UInt128 value) => value.ToString("x32", CultureInfo.InvariantCulture);

    public static string HashOf(byte[] manifest) => Hex(XxHash128.HashToUInt128(manifest));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BuildCache))]
internal sealed partial class CacheJson : JsonSerializerContext;
