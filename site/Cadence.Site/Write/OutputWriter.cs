using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;

namespace Cadence.Site.Write;

public sealed record WriteCounts(int Written, int Unchanged, int Deleted);

/// <summary>
/// Writes a build into a temporary sibling of the output folder, then swaps it in, so a failed build leaves
/// the previous site untouched. Files whose hash matches the previous build's manifest are hard-linked from it
/// instead of written. Safe to call from many threads.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly BuildManifest? _previous;
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;
    private bool _committed;

    public OutputWriter(string output)
    {
        _output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output) ?? throw new ArgumentException("The output folder cannot be a root.", nameof(output));
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(_output)}.building-{Environment.ProcessId}");
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        Directory.CreateDirectory(_staging);
        _previous = Directory.Exists(_output) ? BuildManifest.ReadFrom(_output) : null;
        // The swap replaces the whole folder: never do that to a folder some other tool filled.
        if (_previous is null && Directory.Exists(_output) && Directory.EnumerateFileSystemEntries(_output).Any())
        {
            Directory.Delete(_staging);
            throw new IOException($"{_output} is not empty and holds no {BuildManifest.FileName}; choose an empty or new output folder.");
        }
    }

    public string StagingFolder => _staging;

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
        var hash = Convert.ToHexStringLower(XxHash128.Hash(content));
        if (!_hashes.TryAdd(relativePath, hash)) throw new InvalidOperationException($"Two outputs were written to {relativePath}.");
        var target = Path.Combine(_staging, relativePath);
        EnsureFolder(Path.GetDirectoryName(target)!);

        if (_previous is not null && _previous.Files.TryGetValue(relativePath, out var old) && old == hash)
        {
            var existing = Path.Combine(_output, relativePath);
            if (File.Exists(existing))
            {
                HardLink.CreateOrCopy(existing, target);
                Interlocked.Increment(ref _unchanged);
                return;
            }
        }
        using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            file.Write(content);
        Interlocked.Increment(ref _written);
    }

    public bool Contains(string relativePath) => _hashes.ContainsKey(relativePath);

    /// <summary>Writes the manifest and swaps the staging folder in place of the output.</summary>
    public WriteCounts Commit(string? changesCursor)
    {
        var files = new SortedDictionary<string, string>(_hashes, StringComparer.Ordinal);
        var manifest = new BuildManifest(BuildManifest.CurrentVersion, changesCursor, files);
        File.WriteAllBytes(Path.Combine(_staging, BuildManifest.FileName), manifest.ToJson());
        var deleted = _previous?.Files.Keys.Count(path => !files.ContainsKey(path)) ?? 0;

        string? retired = null;
        if (Directory.Exists(_output))
        {
            retired = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Environment.ProcessId}");
            if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
            Directory.Move(_output, retired);
        }
        Directory.Move(_staging, _output);
        _committed = true;
        if (retired is not null) Directory.Delete(retired, recursive: true);
        return new WriteCounts(_written, _unchanged, deleted);
    }

    private void EnsureFolder(string folder)
    {
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders.TryAdd(folder, 0);
    }

    /// <summary>Without a commit, throws the staging folder away and leaves the output as it was.</summary>
    public void Dispose()
    {
        if (_committed || !Directory.Exists(_staging)) return;
        try
        {
            Directory.Delete(_staging, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
