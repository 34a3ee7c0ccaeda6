using System.Text.Json;
using Cadence.Site.Outputs.Search;

namespace Cadence.Site.Tests.Search;

/// <summary>Reads a built site's split index the way the search page's script does, counting the files and bytes a query reads.</summary>
public sealed class SearchIndexReader(string site)
{
    public HashSet<string> FilesRead { get; } = new(StringComparer.Ordinal);
    public long BytesRead { get; private set; }

    private JsonElement Read(string relative)
    {
        var bytes = File.ReadAllBytes(Path.Combine(site, relative));
        if (FilesRead.Add(relative)) BytesRead += bytes.Length;
        return JsonDocument.Parse(bytes).RootElement;
    }

    /// <summary>The URLs of the documents holding every word of the query (whole words, no prefix).</summary>
    public List<string> Urls(string query)
    {
        var manifest = Read(SearchIndexFiles.ManifestPath);
        var english = manifest.GetProperty("english").GetBoolean();
        HashSet<int>? ids = null;
        foreach (var term in SearchText.Terms(query, english))
        {
            var shard = SearchText.ShardOf(term);
            var found = new HashSet<int>();
            if (manifest.GetProperty("shards").TryGetProperty(shard, out var name)
                && Read($"search/t/{shard}.{name.GetString()}.json").TryGetProperty(term, out var postings))
                for (var i = 0; i < postings.GetArrayLength(); i += 2) found.Add(postings[i].GetInt32());
            ids = ids is null ? found : [.. ids.Intersect(found)];
        }
        var chunk = manifest.GetProperty("chunk").GetInt32();
        var chunks = manifest.GetProperty("chunks");
        return (ids ?? []).Order().Select(id =>
            Read($"search/m/{id / chunk}.{chunks[id / chunk].GetString()}.json")[id % chunk][0].GetString()!).ToList();
    }
}
