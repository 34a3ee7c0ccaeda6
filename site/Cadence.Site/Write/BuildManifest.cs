using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadence.Site.Write;

/// <summary>
/// What a build wrote: every output file with its content hash, and the CMS's change cursor at fetch time.
/// The next build compares against it to keep unchanged files, and can ask the CMS what changed since the cursor.
/// </summary>
/// <param name="Files">Written in ordinal path order, whatever order the dictionary holds them in; read back into a
/// hash map, since a sorted dictionary made by the deserialiser would compare paths with the culture's collation
/// (ICU: most of the manifest's read time).</param>
public sealed record BuildManifest(int Version, string? ChangesCursor, IReadOnlyDictionary<string, string> Files)
{
    public const string FileName = ".cadence-manifest.json";
    public const int CurrentVersion = 1;

    public static BuildManifest? ReadFrom(string outputFolder) => ReadFrom(outputFolder, out _);

    /// <summary>The hash that ties a build cache to the manifest it was written with.</summary>
    public static string HashOf(ReadOnlySpan<byte> manifest) => Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(manifest));

    /// <param name="hash">A hash of the manifest's bytes, which the build cache must match to be trusted.</param>
    public static BuildManifest? ReadFrom(string outputFolder, out string? hash)
    {
        hash = null;
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            var manifest = JsonSerializer.Deserialize(bytes, ManifestJson.Default.BuildManifest);
            if (manifest?.Version != CurrentVersion) return null;
            hash = HashOf(bytes);
            return manifest;
        }
        catch (JsonException)
        {
            return null; // an unreadable manifest only costs a full write
        }
    }

    /// <remarks>
    /// Written by hand in the serialiser's form (web names, indented), with the paths sorted as an array: a sorted
    /// dictionary of a 10,000-post site's 27,000 files, built for every build, cost more than the rest of the commit.
    /// </remarks>
    public byte[] ToJson()
    {
        var paths = new string[Files.Count];
        var at = 0;
        foreach (var path in Files.Keys) paths[at++] = path;
        Array.Sort(paths, StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(64 + paths.Length * 96);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("changesCursor", ChangesCursor);
            json.WriteStartObject("files");
            foreach (var path in paths) json.WriteString(path, Files[path]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}

// Only read with it: the manifest is written by ToJson.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BuildManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
