namespace Cadence.Site.Model;

/// <summary>
/// Up to <see cref="Count"/> posts per post that share the most tags with it; ties go to the post closest in date.
/// Scores are counted through the tag groups rather than by comparing every pair of posts, which keeps
/// 10,000 posts well under a second.
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

    public IEnumerable<Post> For(Post post)
    {
        foreach (var index in _related[post.Index]) yield return _posts[index];
    }

    public static RelatedPosts Compute(IReadOnlyList<Post> posts, IReadOnlyDictionary<string, int[]> postsByTag)
    {
        var related = new int[posts.Count][];
        var scores = new ThreadLocal<int[]>(() => new int[posts.Count]);
        Parallel.For(0, posts.Count, i =>
        {
            var score = scores.Value!;
            var touched = new List<int>();
            foreach (var tag in posts[i].Tags)
            {
                foreach (var other in postsByTag[tag.Slug])
                {
                    if (other == i) continue;
                    if (score[other]++ == 0) touched.Add(other);
                }
            }

            Span<int> best = stackalloc int[Count];
            var found = 0;
            foreach (var candidate in touched)
            {
                // Insert into the small sorted best list: more shared tags first, then nearer in date, then newer.
                var slot = found;
                while (slot > 0 && Better(candidate, best[slot - 1])) slot--;
                if (slot >= Count) continue;
                for (var k = Math.Min(found, Count - 1); k > slot; k--) best[k] = best[k - 1];
                best[slot] = candidate;
                if (found < Count) found++;
            }
            related[i] = best[..found].ToArray();
            foreach (var t in touched) score[t] = 0;

            bool Better(int a, int b)
            {
                if (score[a] != score[b]) return score[a] > score[b];
                var da = Math.Abs(a - i);
                var db = Math.Abs(b - i);
                return da != db ? da < db : a < b;
            }
        });
        scores.Dispose();
        return new RelatedPosts(posts, related);
    }
}
