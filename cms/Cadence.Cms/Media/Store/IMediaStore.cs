namespace Cadence.Cms.Media.Store;

/// <summary>
/// Where media bytes live: originals and their responsive variants, by key. The database keeps what a file is (name,
/// type, size, hash, key); the store keeps only its bytes, so several CMS instances can share one store.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> (read from its current position) under <paramref name="key"/>, whole or not at all.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes for reading, or null when nothing is stored under <paramref name="key"/>.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; a key with nothing stored is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
