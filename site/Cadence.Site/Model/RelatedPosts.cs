using System.Runtime.CompilerServices;

namespace Cadence.Site.Model;

/// <summary>
/// Up to <see cref="Count"/> posts per post that share the most tags with it; ties go to the post closest in date
/// (then the newer). Scores are counted over the posts of each of the post's tags (an inverted index), so only
/// posts that share a tag are looked at. An incremental build reuses the lists when no post's slug, date order or
/// tags changed.
/// </summary>
public sealed class RelatedPosts
{
    public const int Count = 3;

    private readonly int[][] _related;
    private readonly IReadOnlyList<Post> _posts;

    private RelatedPosts(IReadOnlyList<Post> posts, int[][] related)
    {
        _posts = posts;
        _related = related;
    }

    /// <summary>The lists by post index, for the build cache.</summary>
    public int[][] Indexes => _related;

    public static RelatedPosts From(IReadOnlyList<Post> posts, int[][] related) => new(posts, related);

    public IEnumerable<Post> For(Post post)
    {
        foreach (var index in _related[post.Index]) yield return _posts[index];
    }

    public static RelatedPosts Compute(IReadOnlyList<Post> posts, IReadOnlyDictionary<string, int[]> postsByTag)
    {
        // Each post's tags as a bit set (a tag listed twice counts once), numbered as the lists below.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in postsByTag.Keys) numbers[tag] = numbers.Count;
        var words = Math.Max(1, (numbers.Count + 63) / 64);
        var masks = new ulong[posts.Count * words];
        for (var i = 0; i < posts.Count; i++)
        {
            foreach (var tag in posts[i].Tags)
            {
                var bit = numbers[tag.Slug];
                masks[i * words + bit / 64] |= 1UL << (bit % 64);
            }
        }

        // Candidates are only the posts that share a tag: each of the post's tags adds one to the score of every
        // post in its list (an inverted index, tag → posts), so the work is the length of those lists rather than
        // every pair of posts.
        var lists = new int[numbers.Count][];
        foreach (var (tag, number) in numbers) lists[number] = postsByTag[tag];
        var related = new int[posts.Count][];
        var count = posts.Count;
        // One more slot in Touched than there are posts: each list entry is written there before it is known to be new.
        Parallel.For(0, count, () => (Scores: new int[count], Touched: new int[count + 1]), (i, _, scratch) =>
        {
            var (scores, touched) = scratch;
            var candidates = 0;
            for (var w = 0; w < words; w++)
            {
                for (var bits = masks[i * words + w]; bits != 0; bits &= bits - 1)
                {
                    // Without a branch on whether the post was seen before, which is a coin toss per entry; the
                    // post itself is counted here and passed over below.
                    foreach (var j in lists[w * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits)])
                    {
                        touched[candidates] = j;
                        candidates += scores[j]++ == 0 ? 1 : 0;
                    }
                }
            }
            // The best few by one number each (see Rank): a candidate that does not beat the last of them, as most
            // do not, costs one comparison.
            Span<int> best = stackalloc int[Count];
            Span<long> bestRank = stackalloc long[Count];
            bestRank.Fill(long.MinValue);
            var found = 0;
            for (var c = 0; c < candidates; c++)
            {
                var j = touched[c];
                var score = scores[j];
                scores[j] = 0;
                if (j == i) continue;
                var rank = Rank(score, j, i);
                if (rank <= bestRank[Count - 1]) continue;
                var slot = Count - 1;
                for (; slot > 0 && rank > bestRank[slot - 1]; slot--)
                {
                    best[slot] = best[slot - 1];
                    bestRank[slot] = bestRank[slot - 1];
                }
                best[slot] = j;
                bestRank[slot] = rank;
                if (found < Count) found++;
            }
            related[i] = best[..found].ToArray();
            return scratch;
        }, _ => { });
        return new RelatedPosts(posts, related);
    }

    /// <summary>
    /// Candidate <paramref name="j"/>'s standing as a related post of <paramref name="i"/>, higher first: more shared
    /// tags, then closer in date order, then, at the same distance, the newer (j &lt; i) before the older.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per candidate: millions of calls in a build
    private static long Rank(int score, int j, int i) => ((long)score << 32) - 2L * Math.Abs(i - j) - (j > i ? 1 : 0);
}
