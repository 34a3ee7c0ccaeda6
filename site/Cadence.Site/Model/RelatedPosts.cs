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
        var count = posts.Count;
        Parallel.For(0, count, i =>
        {
            Span<int> best = stackalloc int[Count];
            Span<int> bestScore = stackalloc int[Count];
            var found = 0;
            var most = tagCounts[i];
            var own = masks.AsSpan(i * words, words);
            // Candidates in order of distance in date (the earlier post first at equal distance), so a later
            // candidate only displaces an earlier one by sharing more tags; the walk ends early once the list
            // is full of posts that share every tag.
            for (var distance = 1; most > 0 && (distance <= i || i + distance < count); distance++)
            {
                if (found == Count && bestScore[Count - 1] == most) break;
                for (var side = 0; side < 2; side++)
                {
                    var j = side == 0 ? i - distance : i + distance;
                    if (j < 0 || j >= count) continue;
                    var score = 0;
                    var other = masks.AsSpan(j * words, words);
                    for (var w = 0; w < own.Length; w++) score += System.Numerics.BitOperations.PopCount(own[w] & other[w]);
                    if (score == 0 || found == Count && bestScore[Count - 1] >= score) continue;
                    var slot = found;
                    while (slot > 0 && bestScore[slot - 1] < score) slot--;
                    for (var k = Math.Min(found, Count - 1); k > slot; k--)
                    {
                        best[k] = best[k - 1];
                        bestScore[k] = bestScore[k - 1];
                    }
                    best[slot] = j;
                    bestScore[slot] = score;
                    if (found < Count) found++;
                }
            }
            related[i] = best[..found].ToArray();
        });
        return new RelatedPosts(posts, related);
    }
}
