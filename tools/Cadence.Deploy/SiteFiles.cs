using System.Security.Cryptography;

namespace Cadence.Deploy;

/// <summary>A file of the built site: its key relative to the site's root and the MD5 an S3 ETag is compared with.</summary>
public sealed record SiteFile(string Key, string FullPath, string Md5);

public static class SiteFiles
{
    /// <summary>The site build's own record of what it wrote: build state, not part of the site.</summary>
    private const string BuildManifest = ".cadence-manifest.json";

    public static IReadOnlyList<SiteFile> Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new UsageException($"{folder} does not exist: build the site first.");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Key: Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(file => file.Key != BuildManifest)
            .AsParallel()
            .Select(file => new SiteFile(file.Key, file.Path, Md5Of(file.Path)))
            .OrderBy(file => file.Key, StringComparer.Ordinal)
            .ToList();
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
