namespace Cadence.Deploy;

/// <summary>Where the site goes: a bucket on S3 or any S3-compatible store, read from environment variables.</summary>
/// <param name="Endpoint">Null for AWS S3 itself; the store's URL for R2, MinIO and the like.</param>
/// <param name="Prefix">A folder inside the bucket ("" for its root), ending with '/' when set.</param>
/// <param name="PathStyle">Bucket in the path (http://host/bucket/key) rather than in the host name.</param>
public sealed record BucketTarget(string Bucket, Uri? Endpoint, string Region, string Prefix, bool PathStyle, string AccessKey, string SecretKey)
{
    public static BucketTarget FromEnvironment(Func<string, string?> variable)
    {
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;
        string Require(string name) => Get(name) ?? throw new UsageException($"Set {name}.");

        var bucket = Require("CADENCE_S3_BUCKET");
        Uri? endpoint = null;
        if (Get("CADENCE_S3_ENDPOINT") is { } text &&
            (!Uri.TryCreate(text, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            throw new UsageException($"CADENCE_S3_ENDPOINT '{text}' is not an http(s) URL.");
        var prefix = (Get("CADENCE_S3_PREFIX") ?? "").Trim('/');
        var pathStyle = Get("CADENCE_S3_PATH_STYLE") switch
        {
            null => endpoint is not null, // MinIO and most self-hosted stores only answer path-style requests
            "true" => true,
            "false" => false,
            var other => throw new UsageException($"CADENCE_S3_PATH_STYLE '{other}' is neither true nor false."),
        };
        return new BucketTarget(bucket, endpoint, Get("CADENCE_S3_REGION") ?? "us-east-1", prefix.Length == 0 ? "" : prefix + "/", pathStyle,
            Require("AWS_ACCESS_KEY_ID"), Require("AWS_SECRET_ACCESS_KEY"));
    }
}

/// <summary>The command line or the environment is wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
