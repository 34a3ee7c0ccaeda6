using Amazon.Runtime;
using Cadence.Deploy;

// Cadence.Deploy --from <built site> [--dry-run]: see docs/publishing.md ("Deploying to a bucket").
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var (from, dryRun) = Arguments(args);
    var target = BucketTarget.FromEnvironment(Environment.GetEnvironmentVariable);
    var site = SiteFiles.Read(from);
    using var deploy = new BucketDeploy(target);
    var result = await deploy.RunAsync(site, dryRun, cancel.Token);
    Console.Out.WriteLine(result.Summary(target, dryRun));
    return 0;
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Exception e) when (e is AmazonServiceException or AmazonClientException or DeployException or HttpRequestException or IOException)
{
    Console.Error.WriteLine($"Deploy failed: {e.Message.ReplaceLineEndings(" ")}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static (string From, bool DryRun) Arguments(string[] args)
{
    string? from = null;
    var dryRun = false;
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--from" when i + 1 < args.Length: from = args[++i]; break;
            case "--dry-run": dryRun = true; break;
            default: throw new UsageException("Usage: Cadence.Deploy --from <built site folder> [--dry-run]   (the bucket comes from CADENCE_S3_* and AWS_* variables)");
        }
    }
    return (from ?? throw new UsageException("--from <built site folder> is required."), dryRun);
}
