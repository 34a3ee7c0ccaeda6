using System.Security.Cryptography;
using Cadence.Cms.Data;
using Cadence.Cms.Media.Store;
using Cadence.Contract;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Media;

/// <summary>
/// Stores media files, checked by their content: images (PNG, JPEG, GIF, WebP) and PDF. The bytes go to the media
/// store before the row is saved, and a row is deleted before its objects: a failure between the two leaves an object
/// nobody points at, never a row without bytes.
/// </summary>
public sealed class MediaLibrary(CadenceDb db, IMediaStore store, TimeProvider clock, ImageVariantSignal variants)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<MediaFile> AddAsync(string fileName, byte[] bytes, bool isPublic, string? alt = null, CancellationToken cancellationToken = default)
    {
        if (bytes.Length == 0) throw new MediaException("The file is empty.");
        if (bytes.Length > MaxBytes) throw new MediaException($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        var detected = ImageSize.Detect(bytes) ?? throw new MediaException("Only PNG, JPEG, GIF, WebP images and PDF files can be uploaded.");

        var name = await FreeNameAsync(SafeName(fileName, detected.ContentType), cancellationToken);
        var key = MediaKeys.NewOriginal(name);
        using (var content = new MemoryStream(bytes, writable: false))
            await store.PutAsync(key, content, detected.ContentType, cancellationToken);
        var media = new MediaFile
        {
            FileName = name, ContentType = detected.ContentType, Size = bytes.Length,
            Width = detected.Width, Height = detected.Height, Alt = alt, IsPublic = isPublic,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), CreatedAt = clock.GetUtcNow().UtcDateTime,
            StoreKey = key,
        };
        db.Media.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        if (media.IsPublic && media.Width is not null) variants.Pulse(); // its responsive variants are made in the background
        return media;
    }

    /// <summary>Deletes the file's row (and its variants' rows), then its objects in the store.</summary>
    public async Task DeleteAsync(MediaFile media, CancellationToken cancellationToken = default)
    {
        var keys = await db.Set<MediaVariant>().Where(v => v.MediaFileId == media.Id).Select(v => v.StoreKey).ToListAsync(cancellationToken);
        if (media.StoreKey is not null) keys.Add(media.StoreKey);
        db.Media.Remove(media);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in keys) await store.DeleteAsync(key, cancellationToken);
    }

    /// <summary>A lower-case file name of slug words, with the extension its content calls for.</summary>
    public static string SafeName(string fileName, string contentType)
    {
        var stem = Cadence.Markdown.Slug.From(Path.GetFileNameWithoutExtension(fileName));
        var extension = contentType switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "image/gif" => ".gif",
            "image/webp" => ".webp",
            _ => ".pdf",
        };
        return (stem.Length == 0 ? "file" : stem) + extension;
    }

    private async Task<string> FreeNameAsync(string name, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var taken = await db.Media.Where(m => m.FileName.StartsWith(stem)).Select(m => m.FileName).ToListAsync(cancellationToken);
        return Cadence.Markdown.Slug.Unique(stem, s => taken.Contains(s + extension)) + extension;
    }
}

public sealed class MediaException(string message) : Exception(message);
