using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Cadence.Deploy;

/// <summary>What a deploy did, or (dry run) would do.</summary>
public sealed record DeployResult(int Uploaded, int Unchanged, int Deleted)
{
    public string Summary(BucketTarget target, bool dryRun) =>
        $"{(dryRun ? "Would deploy" : "Deployed")} to s3://{target.Bucket}/{target.Prefix}: {Uploaded} uploaded, {Unchanged} unchanged, {Deleted} deleted.";
}

/// <summary>
/// Makes a bucket hold exactly the built site while readers keep reading it: files whose MD5 differs from the
/// stored object's ETag are uploaded (assets and media first, then pages), and only then are objects the site no
/// longer has deleted. A deploy that fails half-way leaves every old page working and is finished by the next one.
/// Files the build kept without writing them (<see cref="SiteContents.Kept"/>) must be in the bucket already: a
/// bucket lacking one holds some other site, and is left as it is.
/// </summary>
public sealed class BucketDeploy(BucketTarget target) : IDisposable
{
    private const int ParallelUploads = 16;
    private const int DeleteBatch = 1000; // the most one DeleteObjects request takes

    private readonly AmazonS3Client _client = ClientFor(target);

    internal static AmazonS3Client ClientFor(BucketTarget target) => new(new BasicAWSCredentials(target.AccessKey, target.SecretKey), ConfigFor(target));

    private static AmazonS3Config ConfigFor(BucketTarget target)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = target.PathStyle,
            AuthenticationRegion = target.Region,
            // Checksums only where S3 requires them (DeleteObjects): the default trailing checksum sends bodies in
            // aws-chunked framing, which S3-compatible stores do not all understand (some store the framing itself).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (target.Endpoint is null) config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(target.Region);
        else config.ServiceURL = target.Endpoint.ToString();
        return config;
    }

    public async Task<DeployResult> RunAsync(SiteContents site, bool dryRun, CancellationToken ct)
    {
        var stored = await StoredETagsAsync(ct);
        var missing = await AbsentAsync(site.Kept.Where(key => !stored.ContainsKey(target.Prefix + key)), ct);
        if (missing.Count > 0)
            throw new DeployException($"s3://{target.Bucket}/{target.Prefix} lacks {missing.Count} files that this build kept from the one it " +
                $"started from (the first: {missing[0]}), so it holds another site than that build: deploy a full build to it. Nothing was changed.");
        var changed = site.Files.Where(file => stored.GetValueOrDefault(target.Prefix + file.Key) != file.Md5).ToList();
        var keep = site.Files.Select(file => file.Key).Concat(site.Kept).Select(key => target.Prefix + key).ToHashSet(StringComparer.Ordinal);
        var removed = stored.Keys.Where(key => !keep.Contains(key)).Order(StringComparer.Ordinal).ToList();
        if (!dryRun)
        {
            await UploadAsync(changed.Where(file => !ObjectHeaders.IsPage(file.Key)), ct);
            await UploadAsync(changed.Where(file => ObjectHeaders.IsPage(file.Key)), ct);
            await DeleteAsync(removed, ct);
        }
        return new DeployResult(changed.Count, site.Files.Count - changed.Count + site.Kept.Count, removed.Count);
    }

    /// <summary>Every object under the prefix with its ETag: the MD5 of its bytes for a single-part upload, which is all this tool makes.</summary>
    private async Task<Dictionary<string, string>> StoredETagsAsync(CancellationToken ct)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = target.Bucket, Prefix = target.Prefix };
        await foreach (var stored in _client.Paginators.ListObjectsV2(request).S3Objects.WithCancellation(ct))
            etags[stored.Key] = stored.ETag.Trim('"').ToLowerInvariant();
        return etags;
    }

    /// <summary>
    /// The keys the bucket does not hold, asked one by one: a listing is not the last word, as some stores' listings
    /// leave keys out (s3rver, for one, loses a few of a listing longer than a page).
    /// </summary>
    private async Task<List<string>> AbsentAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var absent = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = ct }, async (key, token) =>
        {
            try
            {
                await _client.GetObjectMetadataAsync(target.Bucket, target.Prefix + key, token);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                absent.Add(key);
            }
        });
        return [.. absent.Order(StringComparer.Ordinal)];
    }

    private Task UploadAsync(IEnumerable<SiteFile> files, CancellationToken ct) =>
        Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = ct }, async (file, token) =>
        {
            var request = new PutObjectRequest
            {
                BucketName = target.Bucket,
                Key = target.Prefix + file.Key,
                FilePath = file.FullPath,
                ContentType = ObjectHeaders.ContentTypeFor(file.Key),
                // A plain signed body with its length: stores that do not speak aws-chunked get the bytes as they are.
                UseChunkEncoding = false,
            };
            request.Headers.CacheControl = ObjectHeaders.CacheControlFor(file.Key);
            await _client.PutObjectAsync(request, token);
        });

    private async Task DeleteAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        foreach (var batch in keys.Chunk(DeleteBatch))
        {
            var response = await _client.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = target.Bucket,
                Objects = batch.Select(key => new KeyVersion { Key = key }).ToList(),
                Quiet = true,
            }, ct);
            if (response.DeleteErrors is { Count: > 0 } errors)
                throw new DeployException($"Could not delete {errors.Count} objects, the first {errors[0].Key}: {errors[0].Message}");
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The store refused part of a deploy; the message says what.</summary>
public sealed class DeployException(string message) : Exception(message);
