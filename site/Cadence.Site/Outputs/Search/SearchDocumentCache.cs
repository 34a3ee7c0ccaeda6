using Cadence.Site.Keys;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// Each post's <see cref="SearchDocument"/> from the previous build, by slug with the key it was made from, so a
/// build whose posts are mostly unchanged neither reads nor renders their bodies again for the index. Kept in the
/// build's cache folder; lost or unreadable, it only costs rendering the bodies once more.
/// </summary>
public sealed class SearchDocumentCache(Dictionary<string, (Hash128 Key, SearchDocument Document)> entries)
{
    private const int Version = 1;
    private const string FileName = "search.bin";

    public Dictionary<string, (Hash128 Key, SearchDocument Document)> Entries { get; } = entries;

    public SearchDocument? Find(string slug, Hash128 key) =>
        Entries.TryGetValue(slug, out var entry) && entry.Key == key ? entry.Document : null;

    public static SearchDocumentCache Read(string folder)
    {
        var entries = new Dictionary<string, (Hash128, SearchDocument)>(StringComparer.Ordinal);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return new(entries);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(File.ReadAllBytes(path)));
            if (reader.ReadInt32() != Version) return new(entries);
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var slug = reader.ReadString();
                var key = new Hash128(reader.ReadUInt64(), reader.ReadUInt64());
                var (url, title, date, text) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
                var weights = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var terms = reader.ReadInt32(); terms > 0; terms--) weights[reader.ReadString()] = reader.ReadByte();
                entries[slug] = (key, new SearchDocument(url, title, date, text, weights));
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            entries.Clear();
        }
        return new(entries);
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        using (var writer = new BinaryWriter(File.Create(path + ".tmp")))
        {
            writer.Write(Version);
            writer.Write(Entries.Count);
            foreach (var (slug, (key, document)) in Entries)
            {
                writer.Write(slug);
                writer.Write(key.Upper);
                writer.Write(key.Lower);
                writer.Write(document.Url);
                writer.Write(document.Title);
                writer.Write(document.Date);
                writer.Write(document.Text);
                writer.Write(document.Weights.Count);
                foreach (var (term, weight) in document.Weights) { writer.Write(term); writer.Write((byte)weight); }
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
