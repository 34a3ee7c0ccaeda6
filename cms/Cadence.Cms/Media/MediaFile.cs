namespace Cadence.Cms.Media;

/// <summary>An uploaded file. Public files are served at /media/{FileName}; private ones (ebooks) only by signed link.</summary>
public sealed class MediaFile
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public string? Alt { get; set; }
    public bool IsPublic { get; set; } = true;

    /// <summary>Hex SHA-256 of the bytes: the file's strong ETag.</summary>
    public required string Sha256 { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Where the bytes are in the <see cref="Store.IMediaStore"/>; null only for a file still in <see cref="MediaBlob"/>.</summary>
    public string? StoreKey { get; set; }

    public string Url => (IsPublic ? "/media/" : "/assets/") + FileName;
}

/// <summary>
/// Where earlier versions kept a media file's bytes. At start <see cref="LegacyBlobMove"/> moves every row into the
/// media store and removes it; nothing writes here any more.
/// </summary>
public sealed class MediaBlob
{
    public int MediaFileId { get; set; }
    public required byte[] Bytes { get; set; }
}
