using Amazon.S3;
using Amazon.S3.Model;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Deploy;
using Cadence.Site.Build;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>
/// The publish workflow's bucket path: a job restores only the last build's manifest and build cache (not its
/// output), builds into an otherwise empty folder, and deploys that. The bucket must end up holding exactly what a
/// clean build deployed to an empty bucket holds: the same keys, bytes, content types and cache policies.
/// </summary>
public class WarmDeployTests
{
    [Test]
    public async Task A_warm_build_from_the_build_state_alone_deploys_exactly_what_a_clean_build_deploys()
    {
        using var s3 = await S3rverProcess.StartAsync();
        await using var cms = await CmsServer.StartAsync();
        await cms.ImageVariantsMadeAsync();

        var cold = await BuildAsync(cms, RepoPaths.NewTempFolder("job-cold"));
        await DeployAsync(s3, "warm", cold);

        // The next job starts on a clean disk with what the workflow's state cache restores.
        var warm = SiteIn(RepoPaths.NewTempFolder("job-warm"));
        Directory.CreateDirectory(warm);
        File.Copy(Path.Combine(cold, ".cadence-manifest.json"), Path.Combine(warm, ".cadence-manifest.json"));
        CopyFolder(BuildCache.FolderFor(cold), BuildCache.FolderFor(warm));

        using (var scope = cms.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
            var edited = await db.Posts.SingleAsync(p => p.Slug == "knee-pain-when-running");
            edited.Body += "\n\nA closing paragraph added in the CMS.\n";
            workflow.Publish(edited);
            workflow.Unpublish(await db.Posts.SingleAsync(p => p.Slug == "shin-splints"));
            await db.SaveChangesAsync();
        }
        await BuildAsync(cms, Path.GetDirectoryName(Path.GetDirectoryName(warm))!);

        var written = Directory.GetFiles(warm, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(warm, f).Replace('\\', '/')).ToList();
        var coldFiles = Directory.GetFiles(cold, "*", SearchOption.AllDirectories).Length;
        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain("posts/knee-pain-when-running/index.html"), "the edited post's page is written");
            Assert.That(written, Has.None.StartsWith("assets/").And.None.EqualTo("404.html").And.None.StartsWith("posts/shin-splints/"),
                "what did not change is not written, and what went is not there");
            Assert.That(written, Has.Count.LessThan(coldFiles - 1), "only what changed");
        });
        var warmDeploy = await DeployAsync(s3, "warm", warm);
        Assert.That(warmDeploy.Uploaded, Is.GreaterThan(0).And.LessThan(written.Count));
        Assert.That(warmDeploy.Deleted, Is.GreaterThan(0), "the withdrawn post's page and image go");

        var clean = await BuildAsync(cms, RepoPaths.NewTempFolder("job-clean"));
        await DeployAsync(s3, "clean", clean);

        using var client = BucketDeploy.ClientFor(Target(s3, "clean"));
        var expected = await ObjectsAsync(client, s3.Bucket, "clean/");
        var actual = await ObjectsAsync(client, s3.Bucket, "warm/");
        Assert.That(actual.Keys, Is.EqualTo(expected.Keys), "the same keys");
        Assert.That(expected.Keys.Where(key => actual[key] != expected[key]), Is.Empty, "objects whose bytes, type or cache policy differ from a clean deploy");
    }

    private static string SiteIn(string job) => Path.Combine(job, "artifacts", "site");

    /// <returns>The built site folder.</returns>
    private static async Task<string> BuildAsync(CmsServer cms, string job)
    {
        var site = SiteIn(job);
        var build = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", site);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        return site;
    }

    private static BucketTarget Target(S3rverProcess s3, string prefix) => BucketTarget.FromEnvironment(name => name switch
    {
        "CADENCE_S3_BUCKET" => s3.Bucket,
        "CADENCE_S3_ENDPOINT" => s3.Endpoint.ToString(),
        "CADENCE_S3_PREFIX" => prefix,
        "AWS_ACCESS_KEY_ID" => S3rverProcess.AccessKey,
        "AWS_SECRET_ACCESS_KEY" => S3rverProcess.SecretKey,
        _ => null,
    });

    private static async Task<DeployResult> DeployAsync(S3rverProcess s3, string prefix, string site)
    {
        using var deploy = new BucketDeploy(Target(s3, prefix));
        return await deploy.RunAsync(SiteFiles.Read(site), dryRun: false, CancellationToken.None);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    /// <summary>Every object under the prefix (keys without it): a hash of its bytes, its content type and its cache policy.</summary>
    private static async Task<SortedDictionary<string, string>> ObjectsAsync(AmazonS3Client client, string bucket, string prefix)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var listed in client.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }).S3Objects)
        {
            using var stored = await client.GetObjectAsync(bucket, listed.Key);
            using var bytes = new MemoryStream();
            await stored.ResponseStream.CopyToAsync(bytes);
            found[listed.Key[prefix.Length..]] =
                $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()))} {stored.Headers.ContentType} {stored.Headers.CacheControl}";
        }
        return found;
    }
}
