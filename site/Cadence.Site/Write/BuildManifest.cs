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

    /// <param name="hash">A hash of the manifest's bytes, which the build cache must match to be trusted.</param>
    public static BuildManifest? ReadFrom(string outputFolder, out string? hash)
    {
        hash = null;
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var file = new HashingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
            var manifest = JsonSerializer.Deserialize(file, ManifestJson.Default.BuildManifest);
            if (manifest?.Version != CurrentVersion) return null;
            hash = file.Hash;
            return manifest;
        }
        catch (JsonException)
        {
            return null; // an unreadable manifest only costs a full write
        }
    }

    /// <summary>Writes the manifest into a file.</summary>
    /// <returns>The hash of the bytes written, which ties a build cache to this manifest (as <see cref="ReadFrom(string, out string?)"/> gives it).</returns>
    /// <remarks>
    /// Written by hand in the serialiser's form (web names, indented) and streamed: a sorted dictionary of a 10,000-post
    /// site's 27,000 files, and the whole 2.3 MB in one array, both made for every build, cost more than the rest of
    /// the commit. The paths are sorted as an array.
    /// </remarks>
    public string WriteTo(string path)
    {
        var paths = new string[Files.Count];
        var at = 0;
        foreach (var file in Files.Keys) paths[at++] = file;
        Array.Sort(paths, StringComparer.Ordinal);
        using var stream = new HashingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1));
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("changesCursor", ChangesCursor);
            json.WriteStartObject("files");
            foreach (var file in paths)
            {
                json.WriteString(file, Files[file]);
                if (json.BytesPending > FlushAt) json.Flush();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return stream.Hash;
    }

    // The writer holds what it writes until flushed: flushed in pieces under the large object heap's threshold.
    private const int FlushAt = 32 << 10;
}

// Only read with it: the manifest is written by WriteTo (BuildManifestTests holds the two to the same form).
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BuildManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
