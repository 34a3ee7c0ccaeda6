using System.Collections.Concurrent;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// Every distinct search term of a build, once: documents hold small term ids instead of their own copies of the
/// words (10,000 posts hold about four million term occurrences but only tens of thousands of distinct terms).
/// Ids are local to one build and its cache; nothing written to the site depends on them. Safe to use from many threads.
/// </summary>
public sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly Lock _adding = new();
    private string[] _terms = new string[1024];
    private string[] _shards = new string[1024];
    private int _count;
    // Tells this table's entries apart from another's in a thread's RecentTerms without holding the table itself.
    private readonly int _generation = Interlocked.Increment(ref s_generations);
    private static int s_generations;

    public TermTable() => _spans = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => Volatile.Read(ref _count);

    public string this[int id] => _terms[id];

    /// <summary>The shard file the term lives in (<see cref="SearchText.ShardOf"/>), worked out once per term.</summary>
    public string ShardOf(int id) => _shards[id];

    public int IdOf(ReadOnlySpan<char> term)
    {
        // Most words of a post are words it or an earlier post on this thread used already: a small table per
        // thread answers them from memory the thread has just touched, before the shared table (whose nodes are
        // spread over the heap) is asked.
        var recent = t_recent;
        if (recent is null || recent.Generation != _generation) t_recent = recent = new RecentTerms(_generation);
        var slot = RecentTerms.Slot(term);
        if (recent.Terms[slot] is { } known && term.SequenceEqual(known)) return recent.Ids[slot];
        var id = Shared(term);
        recent.Terms[slot] = _terms[id];
        recent.Ids[slot] = id;
        return id;
    }

    [ThreadStatic] private static RecentTerms? t_recent;

    /// <summary>The last term seen in each of a few thousand slots (by a hash of its characters), with its id.</summary>
    private sealed class RecentTerms(int generation)
    {
        private const int Size = 4096;
        public readonly int Generation = generation;
        public readonly string?[] Terms = new string?[Size];
        public readonly int[] Ids = new int[Size];

        public static int Slot(ReadOnlySpan<char> term)
        {
            var hash = 2166136261u; // FNV-1a: terms are short, and this is cheaper than a general-purpose hash
            foreach (var c in term) hash = (hash ^ c) * 16777619u;
            return (int)(hash & (Size - 1));
        }
    }

    private int Shared(ReadOnlySpan<char> term)
    {
        if (_spans.TryGetValue(term, out var id)) return id;
        lock (_adding)
        {
            if (_spans.TryGetValue(term, out id)) return id;
            var text = term.ToString();
            if (_count == _terms.Length)
            {
                Array.Resize(ref _terms, _count * 2);
                Array.Resize(ref _shards, _count * 2);
            }
            _terms[_count] = text;
            _shards[_count] = SearchText.ShardOf(text);
            id = _count;
            // Published last, so a reader that finds the id also finds the term and its shard.
            _ids[text] = id;
            Volatile.Write(ref _count, _count + 1);
            return id;
        }
    }
}
