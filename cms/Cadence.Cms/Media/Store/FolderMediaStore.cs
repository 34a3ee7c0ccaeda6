using Cadence.Cms.Hosting;

namespace Cadence.Cms.Media.Store;

/// <summary>
/// Media in a folder (by default <c>&lt;data folder&gt;/media</c>), private to the CMS's user like the rest of its
/// state. A file is written beside its final name and renamed into place, so a crash or a full disk never leaves half
/// a file under a key: a reader sees the old bytes, the new ones, or nothing.
/// </summary>
public sealed class FolderMediaStore(string root) : IMediaStore
{
    public string Root { get; } = PrivateFiles.EnsureFolder(root);

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        PrivateFiles.EnsureFolder(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = PrivateFiles.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 64 * 1024, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => MediaKeys.IsSafe(key)
        ? Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar))
        : throw new ArgumentException($"'{key}' is not a media key.", nameof(key));
}
