using System.Net.Http.Json;
using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.EndToEnd.Tests;

/// <summary>
/// Incremental builds over the real CMS's delivery API: after a change published through the CMS's own services,
/// the build asks the changes feed what changed, fetches only that, rewrites only what shows it, and ends up with
/// exactly what a clean build gives.
/// </summary>
public class IncrementalApiBuildTests
{
    [Test]
    public async Task Only_the_changed_posts_are_fetched_and_the_result_equals_a_clean_build()
    {
        await using var cms = await CmsServer.StartAsync();
        await cms.ImageVariantsMadeAsync(); // so the first build already has every variant the second would fetch
        var folder = RepoPaths.NewTempFolder("site-api-inc");
        var output = Path.Combine(folder, "out");
        try
        {
            var first = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output);
            Assert.That(first.ExitCode, Is.Zero, first.Output);
            Assert.That(Directory.Exists(Path.Combine(output, "posts/shin-splints")), Is.True);
            var before = Snapshot(output);

            using (var scope = cms.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
                var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
                var edited = await db.Posts.SingleAsync(p => p.Slug == "knee-pain-when-running");
                edited.Body += "\n\nA closing paragraph added in the CMS.\n";
                workflow.Publish(edited);
                var withdrawn = await db.Posts.SingleAsync(p => p.Slug == "shin-splints");
                workflow.Unpublish(withdrawn);
                await db.SaveChangesAsync();
            }

            var second = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", output, "--timings");
            Assert.That(second.ExitCode, Is.Zero, second.Output);
            var after = Snapshot(output);
            // The withdrawn post's image leaves with its responsive variants, as the API lists them.
            using var api = cms.Client(cms.ContentKey);
            var images = await api.GetFromJsonAsync<JsonElement>("api/v1/images");
            var withdrawnImage = images.GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("url").GetString() == "/media/shin-splints.png");
            var withdrawnMedia = withdrawnImage.GetProperty("variants").EnumerateArray()
                .Select(v => v.GetProperty("url").GetString()!.TrimStart('/')).Append("media/shin-splints.png")
                .Order(StringComparer.Ordinal).ToList();
            var changed = after.Keys.Where(k => !before.TryGetValue(k, out var old) || !old.AsSpan().SequenceEqual(after[k]))
                .Concat(before.Keys.Where(k => !after.ContainsKey(k))).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(second.Output, Does.Contain(" 1 read"), "only the edited post is fetched again");
                Assert.That(File.ReadAllText(Path.Combine(output, "posts/knee-pain-when-running/index.html")), Does.Contain("A closing paragraph added in the CMS."));
                Assert.That(Directory.Exists(Path.Combine(output, "posts/shin-splints")), Is.False, "the unpublished post's page is removed");
                Assert.That(changed, Does.Contain("posts/knee-pain-when-running/index.html").And.Contain("posts/shin-splints/index.html"));
                Assert.That(changed.Where(k => k.StartsWith("media/", StringComparison.Ordinal)).Order(StringComparer.Ordinal), Is.EqualTo(withdrawnMedia),
                    "only the withdrawn post's image and its variants go; no other media is fetched or written");
                Assert.That(changed, Has.None.StartsWith("assets/").And.None.EqualTo("404.html").And.None.EqualTo("search/index.html"),
                    "pages that do not show posts are left alone");
            });
            var summary = second.Output.Split('\n').Single(l => l.StartsWith("Built ", StringComparison.Ordinal));
            var deleted = before.Keys.Count(k => !after.ContainsKey(k));
            var written = changed.Count - deleted - 1; // the manifest is not counted
            Assert.That(summary, Does.Contain($" {written} written").And.Contain($" {deleted} deleted"));

            var clean = Path.Combine(folder, "clean");
            var cleanBuild = await SiteCommand.BuildAsync("--api", cms.BaseUrl, "--key", cms.ContentKey, "--out", clean);
            Assert.That(cleanBuild.ExitCode, Is.Zero, cleanBuild.Output);
            var expected = Snapshot(clean);
            Assert.That(after.Keys, Is.EqualTo(expected.Keys));
            Assert.That(expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(after[k])), Is.Empty, "files that differ from a clean build");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);
}
