namespace Cadence.Site.Model;

/// <summary>
/// Up to <see cref="Count"/> posts per post that share the most tags with it; ties go to the post closest in date
/// (then the newer). Tags are bit sets, so comparing two posts costs a few instructions; 10,000 posts take well
/// under a second, and an incremental build reuses the lists when no post's slug, date order or tags changed.
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
        // Each post's tags as a bit set, so the tags two posts share are an AND and a population count.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in postsByTag.Keys) numbers[tag] = numbers.Count;
        var words = Math.Max(1, (numbers.Count + 63) / 64);
        var masks = new ulong[posts.Count * words];
        var tagCounts = new int[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            foreach (var tag in posts[i].Tags)
            {
                var bit = numbers[tag.Slug];
                masks[i * words + bit / 64] |= 1UL << (bit % 64);
            }
            for (var w = 0; w < words; w++) tagCounts[i] += System.Numerics.BitOperations.PopCount(masks[i * words + w]);
        }

        var related = new int[posts.Count][];
        Parallel.For(0, posts.Count, i =>
        {
            Span<int> best = stackalloc int[Count];
            Span<int> bestScore = stackalloc int[Count];
            var found = 0;
            var most = tagCounts[i];
            // Candidates in order of distance in date (the earlier post first at equal distance), so a later
            // candidate only displaces an earlier one by sharing more tags; the walk ends early once the list
            // is full of posts that share every tag.
            for (var distance = 1; most > 0 && (distance <= i || i + distance < posts.Count); distance++)
            {
                if (found == Count && bestScore[Count - 1] == most) break;
                Consider(i - distance, ref found, best, bestScore);
                Consider(i + distance, ref found, best, bestScore);
            }
            related[i] = best[..found].ToArray();

            void Consider(int j, ref int found, Span<int> best, Span<int> bestScore)
            {
                if (j < 0 || j >= posts.Count) return;
                var score = 0;
                for (var w = 0; w < words; w++) score += System.Numerics.BitOperations.PopCount(masks[i * words + w] & masks[j * words + w]);
                if (score == 0) return;
                var slot = found;
                while (slot > 0 && bestScore[slot - 1] < score) slot--;
                if (slot >= Count) return;
                for (var k = Math.Min(found, Count - 1); k > slot; k--)
                {
                    best[k] = best[k - 1];
                    bestScore[k] = bestScore[k - 1];
                }
                best[slot] = j;
                bestScore[slot] = score;
                if (found < Count) found++;
            }
        });
        return new RelatedPosts(posts, related);
    }
}
