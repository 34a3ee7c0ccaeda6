using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// The split search index under /search/. A query reads the small manifest (<see cref="ManifestPath"/>), the term
/// shard of each word it types (terms by their first two letters), the document list chunk of each result it shows
/// and each shown result's text. Every file but the manifest is named by a hash of its content, so a host can
/// cache it forever, and the bytes depend only on the documents: an edit changes the shards of the words it
/// touches, its chunk, its text file and the manifest.
/// </summary>
public static class SearchIndexFiles
{
    public const string ManifestPath = "search/index.json";

    /// <summary>Documents per list chunk: a result page of ten touches a few chunks of a few kilobytes.</summary>
    public const int ChunkSize = 32;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="documents">In id order: a document's id is its place here, so keep it stable (oldest first).</param>
    public static List<(string Path, byte[] Content)> Write(IReadOnlyList<SearchDocument> documents, bool english)
    {
        var files = new List<(string, byte[])>();
        var shards = new SortedDictionary<string, SortedDictionary<string, List<(int Id, int Weight)>>>(StringComparer.Ordinal);
        for (var id = 0; id < documents.Count; id++)
            foreach (var (term, weight) in documents[id].Weights)
            {
                var shardKey = SearchText.ShardOf(term);
                if (!shards.TryGetValue(shardKey, out var shard)) shards[shardKey] = shard = new(StringComparer.Ordinal);
                if (!shard.TryGetValue(term, out var postings)) shard[term] = postings = [];
                postings.Add((id, weight));
            }

        var shardNames = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, terms) in shards)
        {
            var bytes = Json(json =>
            {
                json.WriteStartObject();
                foreach (var (term, postings) in terms)
                {
                    json.WriteStartArray(term);
                    foreach (var (id, weight) in postings) { json.WriteNumberValue(id); json.WriteNumberValue(weight); }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            });
            shardNames[key] = Fingerprint(bytes);
            files.Add(($"search/t/{key}.{shardNames[key]}.json", bytes));
        }

        var chunks = new List<string>();
        for (var first = 0; first < documents.Count; first += ChunkSize)
        {
            var bytes = Json(json =>
            {
                json.WriteStartArray();
                for (var id = first; id < Math.Min(documents.Count, first + ChunkSize); id++)
                {
                    var document = documents[id];
                    var text = Json(t => t.WriteStringValue(document.Text));
                    var textName = Fingerprint(text);
                    files.Add(($"search/f/{textName}.json", text));
                    json.WriteStartArray();
                    json.WriteStringValue(document.Url);
                    json.WriteStringValue(document.Title);
                    json.WriteStringValue(document.Date);
                    json.WriteStringValue(textName);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            });
            chunks.Add(Fingerprint(bytes));
            files.Add(($"search/m/{chunks.Count - 1}.{chunks[^1]}.json", bytes));
        }

        files.Add((ManifestPath, Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteBoolean("english", english);
            json.WriteNumber("documents", documents.Count);
            json.WriteNumber("chunk", ChunkSize);
            json.WriteStartObject("shards");
            foreach (var (key, name) in shardNames) json.WriteString(key, name);
            json.WriteEndObject();
            json.WriteStartArray("chunks");
            foreach (var name in chunks) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteEndObject();
        })));
        // Two documents with the same text share one text file.
        return files.DistinctBy(file => file.Item1, StringComparer.Ordinal).ToList();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact)) write(json);
        return buffer.ToArray();
    }

    private static string Fingerprint(byte[] content) => Convert.ToHexStringLower(XxHash64.Hash(content))[..12];
}
