using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadence.Site.Write;

/// <summary>
/// What a build wrote: every output file with its content hash, and the CMS's change cursor at fetch time.
/// The next build compares against it to keep unchanged files, and can ask the CMS what changed since the cursor.
/// </summary>
public sealed record BuildManifest(int Version, string? ChangesCursor, SortedDictionary<string, string> Files)
{
    public const string FileName = ".cadence-manifest.json";
    public const int CurrentVersion = 1;

    public static BuildManifest? ReadFrom(string outputFolder)
    {
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestJson.Default.BuildManifest);
            return manifest?.Version == CurrentVersion ? manifest : null;
        }
        catch (JsonException)
        {
            return null; // an unreadable manifest only costs a full write
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ManifestJson.Default.BuildManifest);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BuildManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
