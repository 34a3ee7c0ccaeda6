using System.Text.Json;
using Cadence.Site.Write;

namespace Cadence.Site.Tests;

/// <summary>The manifest is written by hand and streamed; it must stay the file the serialiser wrote, and read back.</summary>
public class BuildManifestTests
{
    // The serialiser's form the manifest has always had (web names, indented).
    private static readonly JsonSerializerOptions Serialiser = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string _folder = "";

    [SetUp]
    public void Create() => _folder = Directory.CreateTempSubdirectory("cadence-manifest-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_manifest_is_the_serialisers_json_with_paths_in_ordinal_order_and_reads_back_with_its_hash()
    {
        // Many files, so the writer flushes in pieces; names that sort differently by culture and by ordinal, and one to escape.
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 3000; i++) files[$"posts/post-{i}/index.html"] = $"{i:x32}";
        files["Zebra.html"] = "1";
        files["apple.html"] = "2";
        files["café/\"quoted\".html"] = "3";
        var manifest = new BuildManifest(BuildManifest.CurrentVersion, "cursor-7", files);

        var hash = manifest.WriteTo(Path.Combine(_folder, BuildManifest.FileName));

        var expected = JsonSerializer.SerializeToUtf8Bytes(manifest with { Files = new SortedDictionary<string, string>(files, StringComparer.Ordinal) },
            Serialiser);
        var written = File.ReadAllBytes(Path.Combine(_folder, BuildManifest.FileName));
        Assert.That(written, Is.EqualTo(expected));
        Assert.That(hash, Is.EqualTo(Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(written))));

        var read = BuildManifest.ReadFrom(_folder, out var readHash);
        Assert.That(readHash, Is.EqualTo(hash));
        Assert.That(read!.ChangesCursor, Is.EqualTo("cursor-7"));
        Assert.That(read.Files, Is.EquivalentTo(files));
    }
}
