using System.Buffers;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// The split search index under /search/. A query reads the small manifest (<see cref="ManifestPath"/>), the term
/// shard of each word it types (terms by their first two letters), the document list chunk of each result it shows
/// and each shown result's text. Every file but the manifest is named by a hash of its content, so a host can
/// cache it forever, and the bytes depend only on the documents: an edit changes the shards of the words it
/// touches, its chunk, its text file and the manifest. Given the previous build's documents and file names, only
/// those files are made again; the others are kept as they are.
/// </summary>
public static class SearchIndexFiles
{
    public const string ManifestPath = "search/index.json";

    /// <summary>Documents per list chunk: a result page of ten touches a few chunks of a few kilobytes.</summary>
    public const int ChunkSize = 32;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="documents">In id order: a document's id is its place here, so keep it stable (oldest first).</param>
    /// <param name="previous">The previous build's documents and files, or null to write every file.</param>
    public static SearchIndexLayout Write(IPageOutput output, TermTable table, IReadOnlyList<SearchDocument> documents, bool english,
        SearchIndexCache? previous)
    {
        var shards = WriteShards(output, table, documents, previous);
        var chunks = WriteChunks(output, documents, previous);
        output.Write(ManifestPath, Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteBoolean("english", english);
            json.WriteNumber("documents", documents.Count);
            json.WriteNumber("chunk", ChunkSize);
            json.WriteStartObject("shards");
            foreach (var (key, name) in shards) json.WriteString(key, name);
            json.WriteEndObject();
            json.WriteStartArray("chunks");
            foreach (var name in chunks) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteEndObject();
        }));
        return new SearchIndexLayout(shards, chunks);
    }

    /// <summary>A document's text file: the snippet's source as one JSON string.</summary>
    public static byte[] TextFile(ReadOnlySpan<char> text)
    {
        var (buffer, json) = Writer();
        json.WriteStringValue(text);
        return Written(buffer, json);
    }

    public static string Fingerprint(byte[] content) => Convert.ToHexStringLower(XxHash64.Hash(content))[..12];

    private static SortedDictionary<string, string> WriteShards(IPageOutput output, TermTable table, IReadOnlyList<SearchDocument> documents,
        SearchIndexCache? previous)
    {
        var stale = StaleShards(table, documents, previous);
        var postings = 0;
        var counts = new int[table.Count];
        foreach (var document in documents)
            foreach (var term in document.Terms) counts[term]++;

        // Every shard that holds a term now; a shard found unchanged is kept under its old name if the output still has it.
        var shards = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rewrite = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var term = 0; term < counts.Length; term++)
        {
            if (counts[term] == 0) continue;
            var shard = table.ShardOf(term);
            if (rewrite.TryGetValue(shard, out var terms))
            {
                terms.Add(term);
                postings += counts[term];
                continue;
            }
            if (shards.ContainsKey(shard)) continue;
            if (previous is not null && !stale.Contains(shard) && previous.Layout.Shards.TryGetValue(shard, out var name) && output.Keep(ShardPath(shard, name)))
                shards[shard] = name;
            else
            {
                rewrite[shard] = [term];
                postings += counts[term];
            }
        }

        // Postings of the rewritten shards only, in flat arrays: each term's run of (id, weight) pairs, ids ascending.
        var start = new int[table.Count];
        var rewritten = new bool[table.Count];
        var offset = 0;
        foreach (var terms in rewrite.Values)
            foreach (var term in terms)
            {
                rewritten[term] = true;
                start[term] = offset;
                offset += counts[term];
            }
        var ids = new int[postings];
        var weights = new byte[postings];
        var filled = new int[table.Count];
        for (var id = 0; id < documents.Count; id++)
        {
            var document = documents[id];
            for (var i = 0; i < document.Terms.Length; i++)
            {
                var term = document.Terms[i];
                if (!rewritten[term]) continue;
                var at = start[term] + filled[term]++;
                ids[at] = id;
                weights[at] = document.Weights[i];
            }
        }

        var written = new (string Shard, string Name)[rewrite.Count];
        var work = rewrite.ToArray();
        Parallel.For(0, work.Length, i =>
        {
            var (shard, terms) = work[i];
            terms.Sort((a, b) => string.CompareOrdinal(table[a], table[b]));
            var bytes = Json(json =>
            {
                json.WriteStartObject();
                foreach (var term in terms)
                {
                    json.WriteStartArray(table[term]);
                    for (var at = start[term]; at < start[term] + counts[term]; at++)
                    {
                        json.WriteNumberValue(ids[at]);
                        json.WriteNumberValue(weights[at]);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            });
            var name = Fingerprint(bytes);
            output.Write(ShardPath(shard, name), bytes);
            written[i] = (shard, name);
        });
        foreach (var (shard, name) in written) shards[shard] = name;
        return shards;
    }

    /// <summary>
    /// The shards whose postings may differ from the previous build's: those of each term whose weight differs
    /// between the document now at an id and the one there before (or that is in only one of them).
    /// </summary>
    private static HashSet<string> StaleShards(TermTable table, IReadOnlyList<SearchDocument> documents, SearchIndexCache? previous)
    {
        var stale = new HashSet<string>(StringComparer.Ordinal);
        if (previous is null) return stale;
        var before = previous.Documents;
        for (var id = 0; id < Math.Max(documents.Count, before.Count); id++)
        {
            var now = id < documents.Count ? documents[id] : null;
            var then = id < before.Count ? before[id].Document : null;
            if (now is not null && then is not null && now.SameTerms(then)) continue;
            ReadOnlySpan<int> a = now?.Terms ?? [], b = then?.Terms ?? [];
            ReadOnlySpan<byte> wa = now?.Weights ?? [], wb = then?.Weights ?? [];
            int i = 0, k = 0;
            while (i < a.Length || k < b.Length)
            {
                if (k == b.Length || (i < a.Length && a[i] < b[k])) stale.Add(table.ShardOf(a[i++]));
                else if (i == a.Length || b[k] < a[i]) stale.Add(table.ShardOf(b[k++]));
                else
                {
                    if (wa[i] != wb[k]) stale.Add(table.ShardOf(a[i]));
                    i++;
                    k++;
                }
            }
        }
        return stale;
    }

    private static List<string> WriteChunks(IPageOutput output, IReadOnlyList<SearchDocument> documents, SearchIndexCache? previous)
    {
        var chunks = new List<string>();
        for (var first = 0; first < documents.Count; first += ChunkSize)
        {
            var index = chunks.Count;
            var last = Math.Min(documents.Count, first + ChunkSize);
            if (previous is not null && index < previous.Layout.Chunks.Count && SameListings(documents, previous.Documents, first, last)
                && output.Keep(ChunkPath(index, previous.Layout.Chunks[index])))
            {
                chunks.Add(previous.Layout.Chunks[index]);
                continue;
            }
            var bytes = Json(json =>
            {
                json.WriteStartArray();
                for (var id = first; id < last; id++)
                {
                    var document = documents[id];
                    json.WriteStartArray();
                    json.WriteStringValue(document.Url);
                    json.WriteStringValue(document.Title);
                    json.WriteStringValue(document.Date);
                    json.WriteStringValue(document.TextName);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            });
            chunks.Add(Fingerprint(bytes));
            output.Write(ChunkPath(index, chunks[^1]), bytes);
        }
        return chunks;
    }

    /// <summary>True when ids first..last listed the same before, and the chunk held no more documents then.</summary>
    private static bool SameListings(IReadOnlyList<SearchDocument> documents, List<IndexedDocument> before, int first, int last)
    {
        if (Math.Min(before.Count, first + ChunkSize) != last) return false;
        for (var id = first; id < last; id++)
            if (!documents[id].SameListing(before[id].Document)) return false;
        return true;
    }

    private static string ShardPath(string shard, string name) => $"search/t/{shard}.{name}.json";

    private static string ChunkPath(int index, string name) => $"search/m/{index}.{name}.json";

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var (buffer, json) = Writer();
        write(json);
        return Written(buffer, json);
    }

    // A buffer and a writer per thread, emptied for each file: a clean build writes a text file per post, and a new
    // stream and writer for each (the stream growing from empty, then copied out) cost more than the JSON itself.
    [ThreadStatic] private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? t_writer;

    private const int KeptCapacity = 64 * 1024;

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json) Writer()
    {
        var (buffer, json) = t_writer ??= NewWriter();
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        return (buffer, json);
    }

    private static byte[] Written(ArrayBufferWriter<byte> buffer, Utf8JsonWriter json)
    {
        json.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        // A large shard grows the buffer to its size; a thread (of serve, say) does not hold that between builds.
        if (buffer.Capacity > KeptCapacity) t_writer = null;
        return bytes;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, Compact));
    }
}
