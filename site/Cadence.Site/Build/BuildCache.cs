using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Outputs;
using Cadence.Site.Render;
using Cadence.Site.Source;

namespace Cadence.Site.Build;

/// <summary>A post as the last build saw it: as read (without its body), what rendering it gave, and its keys.</summary>
public sealed record CachedPost(KnownPost Source, PostFacts Facts, ShownKeys Keys);

/// <summary>
/// What the last build knew, kept beside the output (<c>.{out}.cadence-cache/</c>, never published): every post's
/// facts and keys, every page's input key, the folder's file stamps and the related-post lists. It is trusted only
/// when it was written with the manifest now in the output and by the same code with the same site inputs.
/// </summary>
/// <param name="PostSourceKey">What the posts' model records were made from besides their sources (<see cref="PostKeys.SourceKey"/>).</param>
public sealed record BuildCache(
    int Version, Hash128 GlobalKey, string ManifestHash,
    Dictionary<string, CachedPost> Posts,
    IReadOnlyDictionary<string, Hash128> Pages,
    List<PostFileStamp>? Files,
    Hash128 RelatedKey, int[][]? Related,
    Hash128 PostSourceKey)
{
    public const int CurrentVersion = 7;
    private const string FileName = "cache.bin";

    public static string FolderFor(string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.cadence-cache");
    }

    /// <returns>The cache, or null when there is none, it is unreadable, or it does not belong to this manifest.</returns>
    public static BuildCache? Read(string output, string? manifestHash)
    {
        if (manifestHash is null) return null;
        var path = Path.Combine(FolderFor(output), FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(CacheFile.OpenRead(path));
            var cache = BuildCacheFormat.Read(reader);
            return cache is not null && cache.ManifestHash == manifestHash ? cache : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null; // a lost cache only costs a full render
        }
    }

    public static void Delete(string output)
    {
        var path = Path.Combine(FolderFor(output), FileName);
        if (File.Exists(path)) File.Delete(path);
    }

    public void Write(string output)
    {
        var folder = FolderFor(output);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        using (var writer = new BinaryWriter(CacheFile.Create(path + ".tmp"))) BuildCacheFormat.Write(writer, this);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>What the source needs of it: the posts as read and the folder's file stamps.</summary>
    public KnownContent Known() =>
        new(Posts.ToDictionary(p => p.Key, p => p.Value.Source, StringComparer.Ordinal), Files);

    /// <summary>
    /// The keys of a post that came from this cache rather than from its source, when what else posts are made from
    /// is as it was (<paramref name="postSourceKey"/>): the post is then the record these keys were made from.
    /// </summary>
    /// <param name="reused">The posts the source took from this cache (<see cref="SourceContent.Reused"/>).</param>
    public Func<Post, ShownKeys?>? KeysFor(IReadOnlyDictionary<string, KnownPost> reused, Hash128 postSourceKey)
    {
        if (postSourceKey != PostSourceKey) return null;
        return post => reused.TryGetValue(post.Slug, out var source) && Posts.TryGetValue(post.Slug, out var cached)
            && ReferenceEquals(source, cached.Source) ? cached.Keys : null;
    }

    /// <summary>What the render plan needs of it: the page keys and what rendering each post gave.</summary>
    public RenderPlan PlanFor(Func<string, bool> inOutput) =>
        new(Pages, Posts.ToDictionary(p => p.Key, p => p.Value.Facts, StringComparer.Ordinal), inOutput);
}
