using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadence.Deploy;

/// <summary>A file of the built site: its key relative to the site's root and the MD5 an S3 ETag is compared with.</summary>
public sealed record SiteFile(string Key, string FullPath, string Md5);

/// <summary>The site to deploy.</summary>
/// <param name="Files">The files in the folder: uploaded where the bucket's copy differs.</param>
/// <param name="Kept">Files the build's manifest lists but did not write this time because their bytes are those of
/// the build it started from: the bucket must already hold them.</param>
public sealed record SiteContents(IReadOnlyList<SiteFile> Files, IReadOnlyList<string> Kept);

public static class SiteFiles
{
    /// <summary>The site build's own record of what it wrote: build state, not part of the site.</summary>
    private const string BuildManifest = ".cadence-manifest.json";

    /// <summary>
    /// A folder the site build wrote holds its manifest, which lists every file of the site. A build started from
    /// the last build's state without its output (what CI restores) writes only the files that changed, so the
    /// site is what the manifest lists, not what the folder holds; a folder without a manifest is the site itself.
    /// </summary>
    public static SiteContents Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new UsageException($"{folder} does not exist: build the site first.");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Key: Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(file => file.Key != BuildManifest)
            .AsParallel()
            .Select(file => new SiteFile(file.Key, file.Path, Md5Of(file.Path)))
            .OrderBy(file => file.Key, StringComparer.Ordinal)
            .ToList();
        var present = files.Select(file => file.Key).ToHashSet(StringComparer.Ordinal);
        var kept = ListedIn(Path.Combine(folder, BuildManifest)).Where(key => !present.Contains(key)).Order(StringComparer.Ordinal).ToList();
        return new SiteContents(files, kept);
    }

    private static IEnumerable<string> ListedIn(string manifestPath)
    {
        if (!File.Exists(manifestPath)) return [];
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(manifestPath), ManifestJson.Default.ManifestFiles);
            return manifest?.Files?.Keys ?? throw new UsageException($"{manifestPath} lists no files: build the site again.");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{manifestPath} is not a build manifest ({e.Message}): build the site again.");
        }
    }

    // Not for security: MD5 is what S3 reports as a single-part object's ETag, so it is what a change is seen by.
#pragma warning disable CA5351
    private static string Md5Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
#pragma warning restore CA5351
}

/// <summary>The one part of the site build's manifest a deploy needs: the paths of the site's files.</summary>
internal sealed record ManifestFiles(Dictionary<string, string>? Files);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ManifestFiles))]
internal sealed partial class ManifestJson : JsonSerializerContext;
