using Cadence.Site.Keys;

namespace Cadence.Site.Outputs.Search;

/// <summary>A document of the previous build's index, in id order; <paramref name="Slug"/> is null for a page.</summary>
public sealed record IndexedDocument(string? Slug, Hash128 Key, SearchDocument Document);

/// <summary>The names of the shard and list chunk files an index was written as (each named by its content's hash).</summary>
public sealed record SearchIndexLayout(SortedDictionary<string, string> Shards, List<string> Chunks);

/// <summary>
/// The previous build's index as the next build needs it, kept in the build's cache folder: every document in id
/// order with its terms as compact ids (no body, no snippet text) and the names of the files it was written as. A
/// build compares its documents with these, position by position, and rewrites only the shards whose postings and
/// the chunks whose listings differ. It belongs to one output: it is trusted only with the manifest it was written
/// beside. Lost or unreadable, it costs one build that makes every document and file again.
/// </summary>
public sealed record SearchIndexCache(string ManifestHash, TermTable Table, List<IndexedDocument> Documents, SearchIndexLayout Layout)
{
    private const int Magic = 0x58444953; // "SIDX"
    private const int Version = 3;
    private const string FileName = "search.bin";

    /// <returns>The cache, or null when there is none, it is unreadable, or it was written beside another manifest.</returns>
    public static SearchIndexCache? Read(string folder, string manifestHash)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(CacheFile.OpenRead(path));
            if (r.ReadInt32() != Magic || r.ReadInt32() != Version || r.ReadString() != manifestHash) return null;
            var table = new TermTable();
            var ids = new int[r.ReadInt32()];
            for (var i = 0; i < ids.Length; i++) ids[i] = table.IdOf(r.ReadString());
            var documents = new List<IndexedDocument>(r.ReadInt32());
            var block = new byte[1024];
            for (var d = documents.Capacity; d > 0; d--)
            {
                var slug = r.ReadBoolean() ? r.ReadString() : null;
                var key = new Hash128(r.ReadUInt64(), r.ReadUInt64());
                var (url, title, date, textName) = (r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString());
                var terms = new int[r.Read7BitEncodedInt()];
                var length = r.Read7BitEncodedInt();
                if (block.Length < length) block = new byte[Math.Max(length, block.Length * 2)];
                r.BaseStream.ReadExactly(block, 0, length);
                var (previous, at) = (0, 0);
                for (var i = 0; i < terms.Length; i++) terms[i] = ids[previous += ReadNumber(block, ref at)];
                var weights = r.ReadBytes(terms.Length);
                if (weights.Length != terms.Length) throw new EndOfStreamException();
                documents.Add(new IndexedDocument(slug, key, new SearchDocument(url, title, date, textName, terms, weights)));
            }
            var shards = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (var count = r.ReadInt32(); count > 0; count--) shards[r.ReadString()] = r.ReadString();
            var chunks = new List<string>();
            for (var count = r.ReadInt32(); count > 0; count--) chunks.Add(r.ReadString());
            return new SearchIndexCache(manifestHash, table, documents, new SearchIndexLayout(shards, chunks));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    public void Write(string folder)
    {
        // Only the terms documents still hold are kept, renumbered in their old order so each list stays ascending.
        var used = new int[Table.Count];
        foreach (var document in Documents)
            foreach (var term in document.Document.Terms) used[term] = 1;
        var terms = new List<string>();
        for (var id = 0; id < used.Length; id++)
            if (used[id] != 0)
            {
                used[id] = terms.Count;
                terms.Add(Table[id]);
            }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        using (var w = new BinaryWriter(CacheFile.Create(path + ".tmp")))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(ManifestHash);
            w.Write(terms.Count);
            foreach (var term in terms) w.Write(term);
            w.Write(Documents.Count);
            var block = new byte[1024];
            foreach (var (slug, key, document) in Documents)
            {
                w.Write(slug is not null);
                if (slug is not null) w.Write(slug);
                w.Write(key.Upper);
                w.Write(key.Lower);
                w.Write(document.Url);
                w.Write(document.Title);
                w.Write(document.Date);
                w.Write(document.TextName);
                w.Write7BitEncodedInt(document.Terms.Length);
                if (block.Length < document.Terms.Length * 5) block = new byte[document.Terms.Length * 5];
                var (previous, length) = (0, 0);
                foreach (var term in document.Terms)
                {
                    WriteNumber(block, ref length, used[term] - previous);
                    previous = used[term];
                }
                w.Write7BitEncodedInt(length);
                w.Write(block, 0, length);
                w.Write(document.Weights);
            }
            w.Write(Layout.Shards.Count);
            foreach (var (shard, name) in Layout.Shards)
            {
                w.Write(shard);
                w.Write(name);
            }
            w.Write(Layout.Chunks.Count);
            foreach (var chunk in Layout.Chunks) w.Write(chunk);
        }
        File.Move(path + ".tmp", path, overwrite: true);
    }

    // A document's term ids go as one block of ascending gaps, seven bits a byte: through the reader and writer one
    // call per number (four million at 10,000 posts) was most of the time spent on this file.
    private static void WriteNumber(byte[] block, ref int at, int value)
    {
        var number = (uint)value;
        for (; number >= 0x80; number >>= 7) block[at++] = (byte)(number | 0x80);
        block[at++] = (byte)number;
    }

    private static int ReadNumber(byte[] block, ref int at)
    {
        uint number = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28) throw new FormatException("A term id in the search cache is too long.");
            var part = block[at++];
            number |= (uint)(part & 0x7F) << shift;
            if (part < 0x80) return (int)number;
        }
    }
}
