namespace Cadence.Site.Outputs;

/// <summary>
/// A build cache file, read and written as a stream through a small buffer. Read or written whole through one array,
/// the caches of a 10,000-post site (about 16 MB, and twice that while a growing buffer doubled) went to the large
/// object heap, whose allocations are what set off the full collections of an incremental build.
/// </summary>
internal static class CacheFile
{
    // Under the large object heap's threshold (85,000 bytes).
    private const int BufferSize = 64 << 10;

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    public static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
}
