using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;

namespace Cadence.Site.Write;

public sealed record WriteCounts(int Written, int Unchanged, int Deleted);

/// <summary>
/// Writes a build without ever leaving a half-written site behind. Into a new or empty folder, files are written
/// as they are rendered into a temporary sibling, which is renamed into place at the end. Over a previous build,
/// nothing is touched until everything has been rendered: files whose hash matches the previous manifest are
/// kept, changed files are held in memory and then written in place (temporary file + rename), stale files are
/// removed, and the manifest is written last. Safe to call from many threads.
/// </summary>
public sealed class OutputWriter : Render.IPageOutput, IDisposable
{
    private readonly string _output;
    private readonly string? _staging;
    private readonly BuildManifest? _previous;
    private readonly ConcurrentDictionary<string, string> _hashes;
    private readonly ConcurrentDictionary<string, byte[]> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;
    private bool _committed;

    /// <param name="previous">The output's manifest, read by the caller; null for a new or empty folder.</param>
    public OutputWriter(string output, BuildManifest? previous)
    {
        _output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output) ?? throw new ArgumentException("The output folder cannot be a root.", nameof(output));
        _previous = previous;
        // Sized for the previous build's files: grown from empty, the table was rebuilt a dozen times at 27,000 files.
        _hashes = new(Environment.ProcessorCount, previous?.Files.Count ?? 0, StringComparer.Ordinal);
        if (_previous is not null) return;
        // Without a manifest the folder must be new or empty: never overwrite what some other tool put there.
        if (Directory.Exists(_output) && Directory.EnumerateFileSystemEntries(_output).Any())
            throw new IOException($"{_output} is not empty and holds no {BuildManifest.FileName}; choose an empty or new output folder.");
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(_output)}.building-{Environment.ProcessId}");
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        Directory.CreateDirectory(_staging);
    }

    public OutputWriter(string output) : this(output, Directory.Exists(output) ? BuildManifest.ReadFrom(output) : null)
    {
    }

    /// <summary>The previous build's hash of a file, or null when it did not write it.</summary>
    public string? PreviousHash(string relativePath) =>
        _previous is not null && _previous.Files.TryGetValue(relativePath, out var hash) ? hash : null;

    /// <summary>Keeps a file of the previous build as it is, without rendering it again.</summary>
    /// <returns>False when the previous build did not write it (the caller must render it).</returns>
    public bool Keep(string relativePath)
    {
        OutputPath.Checked(relativePath);
        var hash = PreviousHash(relativePath);
        if (hash is null) return false;
        if (!_hashes.TryAdd(relativePath, hash)) throw new InvalidOperationException($"Two outputs were written to {relativePath}.");
        Interlocked.Increment(ref _unchanged);
        return true;
    }

    public void WriteText(string relativePath, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Write(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void WriteText(string relativePath, StringBuilder text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = 0;
            foreach (var chunk in text.GetChunks()) length += Encoding.UTF8.GetBytes(chunk.Span, buffer.AsSpan(length));
            Write(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <param name="relativePath">A path with forward slashes, relative to the output folder.</param>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        OutputPath.Checked(relativePath);
        var hash = Convert.ToHexStringLower(XxHash128.Hash(content));
        if (!_hashes.TryAdd(relativePath, hash)) throw new InvalidOperationException($"Two outputs were written to {relativePath}.");
        if (_staging is not null)
        {
            WriteFile(Path.Combine(_staging, relativePath), content);
            Interlocked.Increment(ref _written);
            return;
        }
        if (PreviousHash(relativePath) == hash)
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }
        _pending[relativePath] = content.ToArray();
        Interlocked.Increment(ref _written);
    }

    public bool Contains(string relativePath) => _hashes.ContainsKey(relativePath);

    /// <summary>Makes the output the new build: writes what changed, removes what is gone, then the manifest.</summary>
    /// <param name="alongside">Run while the files are written, given the hash of the manifest that is written last.</param>
    /// <returns>The counts, and the hash of the manifest written (the build cache records it).</returns>
    public (WriteCounts Counts, string ManifestHash) Commit(string? changesCursor, Action<string>? alongside = null)
    {
        // Written first beside its place (or into the staging folder), and put in place last.
        var manifestPath = _staging is not null
            ? Path.Combine(_staging, BuildManifest.FileName)
            : Path.Combine(_output, BuildManifest.FileName + ".cadence-tmp");
        var hash = new BuildManifest(BuildManifest.CurrentVersion, changesCursor, _hashes).WriteTo(manifestPath);
        var deleted = 0;
        Parallel.Invoke(() => deleted = WriteChanges(), () => alongside?.Invoke(hash));
        if (_staging is not null)
        {
            if (Directory.Exists(_output)) Directory.Delete(_output); // empty, checked at the start
            Directory.Move(_staging, _output);
        }
        else File.Move(manifestPath, Path.Combine(_output, BuildManifest.FileName), overwrite: true);
        _committed = true;
        return (new WriteCounts(_written, _unchanged, deleted), hash);
    }

    /// <summary>Over a previous build, writes the changed files in place and removes the stale ones.</summary>
    /// <returns>How many files were removed.</returns>
    private int WriteChanges()
    {
        if (_staging is not null) return 0; // written as they were rendered
        Parallel.ForEach(_pending, new ParallelOptions { MaxDegreeOfParallelism = 4 }, pair =>
        {
            var target = Path.Combine(_output, pair.Key);
            var temporary = target + ".cadence-tmp";
            WriteFile(temporary, pair.Value);
            File.Move(temporary, target, overwrite: true);
        });
        var deleted = 0;
        foreach (var stale in _previous!.Files.Keys.Where(path => !_hashes.ContainsKey(path)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(_output, stale);
            if (File.Exists(path)) File.Delete(path);
            RemoveEmptyFolders(Path.GetDirectoryName(path)!);
            deleted++;
        }
        return deleted;
    }

    /// <summary>A removed post leaves its folder (posts/x/) empty; it goes too, but never the output itself.</summary>
    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > _output.Length && folder.StartsWith(_output, StringComparison.Ordinal)
               && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private void WriteFile(string target, ReadOnlySpan<byte> content)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }
        using var handle = File.OpenHandle(target, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>Without a commit, throws the staging folder away: the output stays as it was.</summary>
    public void Dispose()
    {
        if (_committed || _staging is null || !Directory.Exists(_staging)) return;
        try
        {
            Directory.Delete(_staging, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
