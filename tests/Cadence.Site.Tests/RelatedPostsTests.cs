using Cadence.Site.Model;

namespace Cadence.Site.Tests;

/// <summary>Related posts, counted over each tag's posts, against a comparison of every pair of posts.</summary>
public class RelatedPostsTests
{
    [TestCase(1, 40)]
    [TestCase(3, 400)]
    [TestCase(90, 700)]
    public void Are_the_posts_sharing_most_tags_then_the_closest_then_the_newer(int tagCount, int postCount)
    {
        var random = new Random(tagCount * 1000 + postCount);
        var tags = Enumerable.Range(0, tagCount).Select(t => new Term($"tag-{t}", $"Tag {t}", $"/tags/tag-{t}/")).ToArray();
        // Posts are newest first, as the model sorts them; some have no tags, some list one twice.
        var posts = Enumerable.Range(0, postCount).Select(i =>
        {
            var own = Enumerable.Range(0, random.Next(0, 6)).Select(_ => tags[random.Next(tagCount)]).ToList();
            if (own.Count > 0 && random.Next(10) == 0) own.Add(own[0]);
            var date = DateTimeOffset.UnixEpoch.AddDays(postCount - i);
            return new Post(i, $"post-{i}", $"Post {i}", null, date, date, date, null, null, null, own, null, null, null, null);
        }).ToArray();
        var postsByTag = tags.ToDictionary(t => t.Slug, t => posts.Where(p => p.Tags.Contains(t)).Select(p => p.Index).ToArray());

        var related = RelatedPosts.Compute(posts, postsByTag);

        foreach (var post in posts)
        {
            var expected = posts.Where(other => other.Index != post.Index)
                .Select(other => (other.Index, Shared: other.Tags.Distinct().Count(t => post.Tags.Contains(t))))
                .Where(c => c.Shared > 0)
                .OrderByDescending(c => c.Shared).ThenBy(c => Math.Abs(c.Index - post.Index)).ThenBy(c => c.Index)
                .Take(RelatedPosts.Count).Select(c => c.Index);
            Assert.That(related.For(post).Select(p => p.Index), Is.EqualTo(expected), post.Slug);
        }
    }
}
