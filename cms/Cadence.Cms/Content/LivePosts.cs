using System.Linq.Expressions;

namespace Cadence.Cms.Content;

/// <summary>
/// The one rule for what a reader can see: a published post that is not in the trash. A scheduled post is not
/// live until the scheduler publishes it, so the rule needs no clock. Queries use <see cref="WhereLive"/> or
/// <see cref="Rule"/>; code holding a post in memory uses <see cref="Is"/> (through <see cref="Post.IsLive"/>).
/// </summary>
public static class LivePosts
{
    public static readonly Expression<Func<Post, bool>> Rule = p => p.Status == PostStatus.Published && p.DeletedAt == null;

    public static IQueryable<Post> WhereLive(this IQueryable<Post> posts) => posts.Where(Rule);

    /// <summary>The same rule over loose values, such as a post's values before a save.</summary>
    public static bool Is(PostStatus status, DateTime? deletedAt) => status == PostStatus.Published && deletedAt is null;
}
