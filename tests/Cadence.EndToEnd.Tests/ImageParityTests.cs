using System.Text.RegularExpressions;

namespace Cadence.EndToEnd.Tests;

/// <summary>The starter content's images come out the same whether the site is built from the folder or over the API.</summary>
public partial class ImageParityTests
{
    [Test]
    public async Task Folder_and_api_builds_write_the_same_pictures_and_variant_files()
    {
        var folder = RepoPaths.NewTempFolder("image-parity");
        await using var cms = await CmsServer.StartAsync();
        await cms.ImageVariantsMadeAsync();
        var api = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", Path.Combine(folder, "api"));
        var from = await SiteCommand.BuildAsync("--from", RepoPaths.Content, "--out", Path.Combine(folder, "from"));
        Assert.That(api.ExitCode, Is.Zero, api.Output);
        Assert.That(from.ExitCode, Is.Zero, from.Output);

        var posts = Directory.GetDirectories(Path.Combine(folder, "from", "posts")).Select(Path.GetFileName).ToList();
        Assert.That(posts, Is.Not.Empty);
        foreach (var post in posts)
        {
            var fromPictures = Pictures(Path.Combine(folder, "from", "posts", post!, "index.html"));
            Assert.That(Pictures(Path.Combine(folder, "api", "posts", post!, "index.html")), Is.EqualTo(fromPictures), post);
        }
        Assert.That(Pictures(Path.Combine(folder, "from", "posts", "knee-pain-when-running", "index.html")), Is.Not.Empty);
        // A folder build publishes every public media file (drafts' images too, as it does their originals); the API
        // build only what published content uses. What both write must be the same bytes.
        var fromVariants = Variants(Path.Combine(folder, "from"));
        var apiVariants = Variants(Path.Combine(folder, "api"));
        Assert.That(apiVariants, Is.Not.Empty);
        Assert.That(apiVariants.Where(v => fromVariants.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key), Is.Empty);
        Directory.Delete(folder, recursive: true);
    }

    private static List<string> Pictures(string page) =>
        Picture().Matches(File.ReadAllText(page)).Select(m => m.Value).ToList();

    private static SortedDictionary<string, string> Variants(string output) =>
        new(Directory.GetFiles(Path.Combine(output, "media", "variants")).ToDictionary(f => Path.GetFileName(f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    [GeneratedRegex("<picture>.*?</picture>", RegexOptions.Singleline)]
    private static partial Regex Picture();
}
