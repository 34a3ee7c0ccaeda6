using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The header of a SQLite database's WAL index (its <c>-shm</c> file), read from memory without a lock or a system
/// call. Every commit, by any connection in any process, rewrites it (its change counter and last frame), and so does
/// every checkpoint that restarts the log; so while it reads the same, nothing has been committed. The layout is part
/// of SQLite's documented file format (sqlite.org/walformat.html): two copies of a 48-byte header, written one after
/// the other, at the start of the file.
/// </summary>
/// <remarks>
/// Open it only while a connection of this process holds the database open in WAL mode: that connection's shared
/// lock keeps any other opener from truncating the file, which a mapping must never see.
/// </remarks>
internal sealed class WalIndexHeader : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private WalIndexHeader(MemoryMappedFile file, MemoryMappedViewAccessor view) => (_file, _view) = (file, view);

    /// <returns>The header of <paramref name="databasePath"/>'s WAL index, or null when it has none to read.</returns>
    public static WalIndexHeader? TryOpen(string databasePath)
    {
        var path = databasePath + "-shm";
        var info = new FileInfo(path);
        if (!info.Exists || info.Length < Unsafe.SizeOf<Copies>()) return null;
        var file = MemoryMappedFile.CreateFromFile(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete),
            mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        return new WalIndexHeader(file, file.CreateViewAccessor(0, Unsafe.SizeOf<Copies>(), MemoryMappedFileAccess.Read));
    }

    /// <summary>Both copies of the header as they are now (a commit under way may show them torn; they then differ from any earlier read).</summary>
    public Copies Read()
    {
        Interlocked.MemoryBarrier(); // another process's completed commit is visible from here on
        _view.Read(0, out Copies copies);
        return copies;
    }

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>The 96 bytes of the two header copies.</summary>
    [InlineArray(12)]
    public struct Copies : IEquatable<Copies>
    {
        private long _word;

        public readonly bool Equals(Copies other) => ((ReadOnlySpan<long>)this).SequenceEqual(other);
        public override readonly bool Equals(object? other) => other is Copies copies && Equals(copies);
        public override readonly int GetHashCode() => ((ReadOnlySpan<long>)this)[2].GetHashCode();
    }
}
