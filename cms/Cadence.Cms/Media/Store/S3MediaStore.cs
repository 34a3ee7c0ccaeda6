using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Cadence.Cms.Media.Store;

/// <summary>
/// Media in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, s3rver in the tests). Objects are private: the CMS
/// serves them, so ETags, cache headers and signed ebook links work as with the folder store.
/// </summary>
public sealed class S3MediaStore(S3MediaOptions options) : IMediaStore, IDisposable
{
    // Without keys the SDK's own chain applies (environment, instance role), as operators on AWS expect.
    private readonly AmazonS3Client _client = options.AccessKey is null
        ? new AmazonS3Client(Config(options))
        : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), Config(options));

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = Checked(key),
            InputStream = content,
            AutoCloseStream = false,
            ContentType = contentType,
            // A plain signed body with its length: stores that do not speak aws-chunked would keep the framing as bytes.
            UseChunkEncoding = false,
        };
        await _client.PutObjectAsync(request, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(options.Bucket, Checked(key), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(options.Bucket, Checked(key), cancellationToken);

    public void Dispose() => _client.Dispose();

    private static string Checked(string key) =>
        MediaKeys.IsSafe(key) ? key : throw new ArgumentException($"'{key}' is not a media key.", nameof(key));

    private static AmazonS3Config Config(S3MediaOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where S3 requires them: the default trailing checksum sends bodies in aws-chunked framing,
            // which S3-compatible stores do not all understand (s3rver stores the framing itself and answers 200).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is null) config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        else config.ServiceURL = options.ServiceUrl;
        return config;
    }
}
