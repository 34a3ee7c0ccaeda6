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
        Parallel.For(0, count, () => (Scores: new int[count], Touched: new int[count]), (i, _, scratch) =>
        {
            var (scores, touched) = scratch;
            var candidates = 0;
            for (var w = 0; w < words; w++)
            {
                for (var bits = masks[i * words + w]; bits != 0; bits &= bits - 1)
                {
                    foreach (var j in lists[w * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits)])
                        if (j != i && scores[j]++ == 0) touched[candidates++] = j;
                }
            }
            Span<int> best = stackalloc int[Count];
            Span<int> bestScore = stackalloc int[Count];
            var found = 0;
            for (var c = 0; c < candidates; c++)
            {
                var j = touched[c];
                var score = scores[j];
                scores[j] = 0;
                var slot = found;
                while (slot > 0 && Ranks(score, j, bestScore[slot - 1], best[slot - 1], i)) slot--;
                if (slot >= Count) continue;
                for (var m = Math.Min(found, Count - 1); m > slot; m--)
                {
                    best[m] = best[m - 1];
                    bestScore[m] = bestScore[m - 1];
                }
                best[slot] = j;
                bestScore[slot] = score;
                if (found < Count) found++;
            }
            related[i] = best[..found].ToArray();
            return scratch;
        }, _ => { });
        return new RelatedPosts(posts, related);
    }

    /// <summary>True when candidate <paramref name="j"/> ranks above <paramref name="k"/> as a related post of <paramref name="i"/>.</summary>
    private static bool Ranks(int score, int j, int kScore, int k, int i)
    {
        if (score != kScore) return score > kScore;
        int dj = Math.Abs(i - j), dk = Math.Abs(i - k);
        return dj != dk ? dj < dk : j < k;
    }
}
