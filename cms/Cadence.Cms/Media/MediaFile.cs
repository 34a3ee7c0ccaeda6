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
    public MediaBlob? Blob { get; set; }

    public string Url => (IsPublic ? "/media/" : "/assets/") + FileName;
}

/// <summary>The bytes of a media file, kept apart so listing media never loads them.</summary>
public sealed class MediaBlob
{
    public int MediaFileId { get; set; }
    public required byte[] Bytes { get; set; }
}
