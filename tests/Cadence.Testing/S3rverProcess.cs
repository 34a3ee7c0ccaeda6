using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;

namespace Cadence.Testing;

/// <summary>
/// A real S3-compatible server (npm s3rver, pinned in tests/s3rver) as a child process on a free 127.0.0.1 port,
/// with one empty bucket, storing in a fresh folder. <c>npm ci</c> installs it on first use.
/// </summary>
public sealed class S3rverProcess : IDisposable
{
    private readonly Process _process;

    private S3rverProcess(Process process, Uri endpoint, string bucket)
    {
        _process = process;
        Endpoint = endpoint;
        Bucket = bucket;
    }

    public Uri Endpoint { get; }
    public string Bucket { get; }

    /// <summary>s3rver accepts any key pair; these are only what requests are signed with.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    /// <summary>The official client, reading the bucket as an operator would: what is stored, not what the CMS says.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "s3rver");

    public static async Task<S3rverProcess> StartAsync(string bucket = "site")
    {
        EnsureInstalled();
        // s3rver pages listings past 1,000 keys with a cipher that OpenSSL 3 keeps in its legacy provider.
        var start = new ProcessStartInfo("node", ["--openssl-legacy-provider", Path.Combine(Folder, "start.mjs"), RepoPaths.NewTempFolder("s3rver"), bucket])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // start.mjs exits when this pipe closes, so a test run that dies leaves no server behind.
            RedirectStandardInput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line?.StartsWith("listening ", StringComparison.Ordinal) != true)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"s3rver did not start: {line} {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
        return new S3rverProcess(process, new Uri(line["listening ".Length..]), bucket);
    }

    private static readonly Lock InstallLock = new();

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "s3rver"))) return;
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--silent"]) { WorkingDirectory = Folder })
                ?? throw new InvalidOperationException("npm did not start.");
            npm.WaitForExit();
            if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci in {Folder} exited with {npm.ExitCode}.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
