using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Cadence.Deploy;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>Deploys built sites to a real S3-compatible server (s3rver) on loopback and reads back what it stored.</summary>
public class BucketDeployTests
{
    private S3rverProcess _s3 = null!;

    [OneTimeSetUp]
    public async Task StartStore() => _s3 = await S3rverProcess.StartAsync();

    [OneTimeTearDown]
    public void StopStore() => _s3.Dispose();

    private BucketTarget Target(string prefix) => BucketTarget.FromEnvironment(name => name switch
    {
        "CADENCE_S3_BUCKET" => _s3.Bucket,
        "CADENCE_S3_ENDPOINT" => _s3.Endpoint.ToString(),
        "CADENCE_S3_PREFIX" => prefix,
        "AWS_ACCESS_KEY_ID" => S3rverProcess.AccessKey,
        "AWS_SECRET_ACCESS_KEY" => S3rverProcess.SecretKey,
        _ => null,
    });

    private static async Task<DeployResult> DeployAsync(BucketTarget target, string site, bool dryRun = false)
    {
        using var deploy = new BucketDeploy(target);
        return await deploy.RunAsync(SiteFiles.Read(site), dryRun, CancellationToken.None);
    }

    /// <summary>What the site build writes last: every file of the site with a hash of its bytes (the deploy reads only the paths).</summary>
    private static void WriteManifest(string site, IEnumerable<string> keys) =>
        Write(site, ".cadence-manifest.json", System.Text.Json.JsonSerializer.Serialize(new
        {
            version = 1,
            changesCursor = (string?)null,
            files = keys.ToDictionary(key => key, key => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32]),
        }));

    private static readonly string[] SiteKeys =
        ["index.html", "posts/hill-repeats/index.html", "feed.xml", "assets/site.0a1b2c3d.css", "media/knee.png"];

    private static string NewSite()
    {
        var site = RepoPaths.NewTempFolder("deploy-site");
        Write(site, "index.html", "<!doctype html><title>Home</title>");
        Write(site, "posts/hill-repeats/index.html", "<!doctype html><title>Hill repeats</title>");
        Write(site, "feed.xml", "<?xml version=\"1.0\"?><rss/>");
        Write(site, "assets/site.0a1b2c3d.css", "body{margin:0}");
        Directory.CreateDirectory(Path.Combine(site, "media"));
        File.WriteAllBytes(Path.Combine(site, "media", "knee.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 255, 7]);
        WriteManifest(site, SiteKeys);
        return site;
    }

    private static void Write(string site, string key, string text)
    {
        var path = Path.Combine(site, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Test]
    public async Task A_deploy_stores_every_file_byte_for_byte_with_its_type_and_cache_policy_and_keeps_build_state_out()
    {
        var target = Target("first");
        var site = NewSite();

        var result = await DeployAsync(target, site);

        Assert.That(result, Is.EqualTo(new DeployResult(Uploaded: 5, Unchanged: 0, Deleted: 0)));
        using var client = BucketDeploy.ClientFor(target);
        var expected = new Dictionary<string, (string Type, string Cache)>
        {
            ["index.html"] = ("text/html; charset=utf-8", "no-cache"),
            ["posts/hill-repeats/index.html"] = ("text/html; charset=utf-8", "no-cache"),
            ["feed.xml"] = ("text/xml; charset=utf-8", "no-cache"),
            ["assets/site.0a1b2c3d.css"] = ("text/css; charset=utf-8", "public, max-age=31536000, immutable"),
            ["media/knee.png"] = ("image/png", "no-cache"),
        };
        foreach (var (key, (type, cache)) in expected)
        {
            using var stored = await client.GetObjectAsync(_s3.Bucket, "first/" + key);
            using var bytes = new MemoryStream();
            await stored.ResponseStream.CopyToAsync(bytes);
            Assert.That(bytes.ToArray(), Is.EqualTo(File.ReadAllBytes(Path.Combine(site, key))), key);
            Assert.That(stored.Headers.ContentType, Is.EqualTo(type), key);
            Assert.That(stored.Headers.CacheControl, Is.EqualTo(cache), key);
        }
        Assert.That(await KeysAsync(client, "first/"), Is.EquivalentTo(expected.Keys.Select(k => "first/" + k)), "the build manifest is not published");
    }

    [Test]
    public async Task A_second_deploy_uploads_only_the_changed_file_and_deletes_removed_ones_leaving_other_prefixes_alone()
    {
        var target = Target("second");
        using var client = BucketDeploy.ClientFor(target);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = _s3.Bucket, Key = "elsewhere/keep.txt", ContentBody = "not the site's", UseChunkEncoding = false });
        var site = NewSite();
        await DeployAsync(target, site);
        var before = await LastModifiedAsync(client, "second/");

        Write(site, "posts/hill-repeats/index.html", "<!doctype html><title>Hill repeats, revised</title>");
        File.Delete(Path.Combine(site, "feed.xml"));
        WriteManifest(site, SiteKeys.Where(key => key != "feed.xml")); // as the build that left it out writes it
        Assert.That(await DeployAsync(target, site, dryRun: true), Is.EqualTo(new DeployResult(1, 3, 1)), "a dry run tells");
        Assert.That(await KeysAsync(client, "second/"), Does.Contain("second/feed.xml"), "and changes nothing");

        await Task.Delay(TimeSpan.FromSeconds(1.1)); // object times have whole seconds
        var result = await DeployAsync(target, site);

        Assert.That(result, Is.EqualTo(new DeployResult(Uploaded: 1, Unchanged: 3, Deleted: 1)));
        var after = await LastModifiedAsync(client, "second/");
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys.Where(k => k != "second/feed.xml")));
        Assert.That(after.Where(p => p.Value != before[p.Key]).Select(p => p.Key), Is.EqualTo(new[] { "second/posts/hill-repeats/index.html" }));
        using var page = await client.GetObjectAsync(_s3.Bucket, "second/posts/hill-repeats/index.html");
        Assert.That(await new StreamReader(page.ResponseStream).ReadToEndAsync(), Does.Contain("revised"));
        Assert.That(await KeysAsync(client, "elsewhere/"), Is.EqualTo(new[] { "elsewhere/keep.txt" }));
        Assert.That(await DeployAsync(target, site), Is.EqualTo(new DeployResult(0, 4, 0)), "nothing left to do");
    }

    [Test]
    public async Task A_site_of_more_than_one_listing_page_is_seen_whole_so_nothing_is_uploaded_twice()
    {
        var target = Target("large");
        var site = RepoPaths.NewTempFolder("deploy-large");
        for (var i = 0; i < 1005; i++) Write(site, $"posts/p{i}/index.html", $"<p>{i}</p>"); // S3 lists 1,000 keys a page

        Assert.That(await DeployAsync(target, site), Is.EqualTo(new DeployResult(1005, 0, 0)));
        File.Delete(Path.Combine(site, "posts/p1004/index.html"));
        Assert.That(await DeployAsync(target, site), Is.EqualTo(new DeployResult(0, 1004, 1)));
    }

    [Test]
    public async Task A_build_that_wrote_only_what_changed_uploads_that_keeps_the_rest_and_deletes_what_its_manifest_no_longer_lists()
    {
        var target = Target("partial");
        using var client = BucketDeploy.ClientFor(target);
        await DeployAsync(target, NewSite());
        var before = await LastModifiedAsync(client, "partial/");

        // A build from the last build's state without its output: the one page it rewrote, and a manifest of the
        // whole site, which no longer has the feed.
        var changes = RepoPaths.NewTempFolder("deploy-partial");
        Write(changes, "posts/hill-repeats/index.html", "<!doctype html><title>Hill repeats, revised</title>");
        WriteManifest(changes, SiteKeys.Where(key => key != "feed.xml"));
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // object times have whole seconds
        var result = await DeployAsync(target, changes);

        Assert.That(result, Is.EqualTo(new DeployResult(Uploaded: 1, Unchanged: 3, Deleted: 1)));
        var after = await LastModifiedAsync(client, "partial/");
        Assert.That(after.Keys, Is.EquivalentTo(SiteKeys.Where(key => key != "feed.xml").Select(key => "partial/" + key)), "the files it kept stay");
        Assert.That(after.Where(p => p.Value != before[p.Key]).Select(p => p.Key), Is.EqualTo(new[] { "partial/posts/hill-repeats/index.html" }));
    }

    [Test]
    public async Task A_bucket_lacking_a_file_the_build_kept_is_left_alone_with_a_message_naming_it()
    {
        var target = Target("other-site");
        using var client = BucketDeploy.ClientFor(target);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = _s3.Bucket, Key = "other-site/old.html", ContentBody = "another site", UseChunkEncoding = false });
        var changes = RepoPaths.NewTempFolder("deploy-partial-elsewhere");
        Write(changes, "posts/hill-repeats/index.html", "<!doctype html><title>Hill repeats, revised</title>");
        WriteManifest(changes, SiteKeys);

        var refused = Assert.ThrowsAsync<DeployException>(() => DeployAsync(target, changes));

        Assert.That(refused!.Message, Does.Contain("lacks 4 files").And.Contain("assets/site.0a1b2c3d.css").And.Contain("Nothing was changed"));
        Assert.That(await KeysAsync(client, "other-site/"), Is.EqualTo(new[] { "other-site/old.html" }), "nothing uploaded, nothing deleted");
    }

    [Test]
    public void A_manifest_that_lists_no_files_is_refused_before_the_bucket_is_touched()
    {
        var site = NewSite();
        Write(site, ".cadence-manifest.json", "{}");
        Assert.That(() => SiteFiles.Read(site), Throws.TypeOf<UsageException>().With.Message.Contains("lists no files"));
    }

    [Test]
    public void The_executable_names_the_missing_setting_and_exits_2()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Cadence.Deploy.dll"), "--from", NewSite()])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment.Remove("CADENCE_S3_BUCKET");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo("Set CADENCE_S3_BUCKET."));
    }

    private async Task<List<string>> KeysAsync(AmazonS3Client client, string prefix) => [.. (await LastModifiedAsync(client, prefix)).Keys];

    private async Task<Dictionary<string, DateTime?>> LastModifiedAsync(AmazonS3Client client, string prefix)
    {
        var found = new Dictionary<string, DateTime?>();
        await foreach (var stored in client.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = _s3.Bucket, Prefix = prefix }).S3Objects)
            found[stored.Key] = stored.LastModified;
        return found;
    }
}
