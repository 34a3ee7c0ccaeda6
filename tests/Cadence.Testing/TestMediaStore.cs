namespace Cadence.Testing;

/// <summary>
/// The media store every <see cref="CmsServer"/> starts with, chosen in this one place: the folder store in the data
/// folder by default, or with <c>CADENCE_TEST_MEDIA_STORE=S3</c> one s3rver shared by the whole run, so the CMS suite
/// can run on S3. Keys are unique per upload, so CMS instances sharing the bucket never meet.
/// </summary>
public static class TestMediaStore
{
    private static readonly Lazy<Task<S3rverProcess>> Shared = new(async () =>
    {
        // Lives as long as the test process: the server exits when the process (and with it the server's stdin) ends.
        return await S3rverProcess.StartAsync("media");
    });

    public static bool UsesS3 => string.Equals(Environment.GetEnvironmentVariable("CADENCE_TEST_MEDIA_STORE"), "S3", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration of the store for this run: nothing for the folder store (the CMS's default).</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        UsesS3 ? S3(await Shared.Value) : new Dictionary<string, string?>();

    /// <summary>The run's one s3rver, started on first use, for tests that put media in S3 whatever the run's store.</summary>
    public static Task<S3rverProcess> SharedS3Async() => Shared.Value;

    /// <summary>The settings that put a CMS's media in <paramref name="s3"/>'s bucket, path-style as s3rver needs.</summary>
    public static IReadOnlyDictionary<string, string?> S3(S3rverProcess s3) => new Dictionary<string, string?>
    {
        ["Cadence:Media:Store"] = "S3",
        ["Cadence:Media:S3:ServiceUrl"] = s3.Endpoint.ToString(),
        ["Cadence:Media:S3:Bucket"] = s3.Bucket,
        ["Cadence:Media:S3:Region"] = "us-east-1",
        ["Cadence:Media:S3:AccessKey"] = S3rverProcess.AccessKey,
        ["Cadence:Media:S3:SecretKey"] = S3rverProcess.SecretKey,
        ["Cadence:Media:S3:ForcePathStyle"] = "true",
    };
}
