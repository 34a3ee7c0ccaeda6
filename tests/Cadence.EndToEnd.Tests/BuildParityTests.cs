using System.Security.Cryptography;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// The starter content built twice: over the real CMS's delivery API (the CMS seeded from that folder) and straight
/// from the folder, told the same CMS address (the one thing a folder cannot know). The outputs must agree.
/// </summary>
public class BuildParityTests
{
    private CmsServer _cms = null!;
    private string _folder = "";
    private Dictionary<string, string> _overApi = [];
    private Dictionary<string, string> _fromFolder = [];

    [OneTimeSetUp]
    public async Task Build()
    {
        _cms = await CmsServer.StartAsync();
        await _cms.ImageVariantsMadeAsync(); // the CMS makes them in the background; the folder build makes them at once
        _folder = RepoPaths.NewTempFolder("site-parity");
        var api = await SiteCommand.BuildAsync("--api", _cms.BaseUrl, "--key", _cms.ContentKey, "--out", Path.Combine(_folder, "api"));
        Assert.That(api.ExitCode, Is.Zero, api.Output);
        var local = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", Path.Combine(_folder, "folder"), "--cms-url", _cms.BaseUrl);
        Assert.That(local.ExitCode, Is.Zero, local.Output);
        _overApi = Files(Path.Combine(_folder, "api"));
        _fromFolder = Files(Path.Combine(_folder, "folder"));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_cms is not null) await _cms.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Every_file_both_builds_publish_is_byte_identical()
    {
        var differing = _overApi.Where(f => _fromFolder.TryGetValue(f.Key, out var other) && other != f.Value).Select(f => f.Key).ToList();
        Assert.That(_overApi, Has.Count.GreaterThan(30));
        Assert.That(differing, Is.Empty, "files whose bytes differ");
    }

    [Test]
    public void The_reviewed_starter_post_carries_its_review_in_both_builds()
    {
        const string page = "posts/knee-pain-when-running/index.html";
        var html = File.ReadAllText(Path.Combine(_folder, "api", page));
        Assert.That(html, Does.Contain("Reviewed by <a href=\"/authors/tom-reddy/\">Tom Reddy</a>, BSc (Hons) Sports Therapy"));
        Assert.That(html, Does.Contain("\"lastReviewed\":\"2026-11-20\""));
        Assert.That(_fromFolder[page], Is.EqualTo(_overApi[page]));
    }

    [Test]
    public void Both_builds_publish_the_same_files_and_no_unpublished_media()
    {
        Assert.That(_overApi.Keys, Is.EquivalentTo(_fromFolder.Keys));
        var unpublished = UnpublishedPostImages().ToList();
        Assert.That(unpublished, Is.Not.Empty, "the starter content has draft or scheduled posts with images");
        Assert.That(_overApi.Keys.Where(path => unpublished.Any(image => path.StartsWith(image, StringComparison.Ordinal))), Is.Empty);
        Assert.That(_overApi.Keys, Has.Some.StartsWith("media/knee-pain-when-running"), "a published post's image");
    }

    /// <summary>The images of the starter content's draft and scheduled posts, as output paths without their extension.
    /// (Their responsive variants are named by content hash: the equal file sets above show none of them is published.)</summary>
    private static IEnumerable<string> UnpublishedPostImages() => Directory
        .EnumerateFiles(Path.Combine(RepoPaths.Content, "posts"), "*.md")
        .Select(File.ReadAllLines)
        .Where(lines => lines.Any(l => l is "status: draft" or "status: scheduled"))
        .SelectMany(lines => lines.Where(l => l.StartsWith("image: /media/", StringComparison.Ordinal)))
        .Select(l => Path.ChangeExtension(l["image: /".Length..], null));

    /// <summary>Every published file by its path, with the hash of its bytes (the build's own manifest is not published).</summary>
    private static Dictionary<string, string> Files(string root) => Directory
        .EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
        .Where(path => !path.StartsWith(".cadence", StringComparison.Ordinal))
        .ToDictionary(path => path, path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, path)))));
}
