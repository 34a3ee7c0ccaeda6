using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.Media.Store;

/// <summary>
/// The <c>Cadence:Media</c> section: where media bytes are kept. <c>Cadence__Media__Store=Folder</c> (the default)
/// keeps them in <c>&lt;data folder&gt;/media</c>; <c>S3</c> in a bucket named by <c>Cadence__Media__S3__…</c>.
/// </summary>
public sealed class MediaOptions : IValidatableObject
{
    public const string Section = "Cadence:Media";
    public const string Folder = "Folder";
    public const string S3Store = "S3";

    /// <summary>A string rather than an enum, so a mistyped store gets a one-line message instead of a binder error.</summary>
    public string Store { get; set; } = Folder;

    /// <summary>The folder store's folder; a relative path starts at the data folder.</summary>
    public string FolderPath { get; set; } = "media";

    public S3MediaOptions S3 { get; set; } = new();

    public bool UsesS3 => string.Equals(Store, S3Store, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesS3 && !string.Equals(Store, Folder, StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"Cadence:Media:Store '{Store}' is not a media store; use Folder or S3.");
            yield break;
        }
        if (!UsesS3) yield break;
        if (string.IsNullOrWhiteSpace(S3.Bucket)) yield return new("Cadence:Media:S3:Bucket is required when Cadence:Media:Store is S3.");
        if (S3.ServiceUrl is not null && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
            yield return new($"Cadence:Media:S3:ServiceUrl '{S3.ServiceUrl}' is not an absolute URL.");
        if (string.IsNullOrWhiteSpace(S3.Region)) yield return new("Cadence:Media:S3:Region is required when Cadence:Media:Store is S3.");
        if (S3.AccessKey is null != S3.SecretKey is null)
            yield return new("Cadence:Media:S3:AccessKey and Cadence:Media:S3:SecretKey are set together, or neither (the SDK's own credentials).");
    }
}

/// <summary><c>Cadence:Media:S3</c>: the bucket, and for stores other than AWS its address and path-style flag.</summary>
public sealed class S3MediaOptions
{
    /// <summary>The store's address for MinIO, R2 or s3rver; empty for AWS S3, reached by <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>), as MinIO and s3rver need, instead of in the host name.</summary>
    public bool ForcePathStyle { get; set; }
}
