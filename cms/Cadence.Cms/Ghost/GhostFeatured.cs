using System.Linq.Expressions;
using Cadence.Cms.Content;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Ghost's <c>featured</c> flag, read in this one place for both the <c>featured:</c> filter and the field. Posts have
/// no featured flag yet, so nothing is featured; when they have one, <see cref="Rule"/> becomes <c>p =&gt; p.Featured</c>.
/// </summary>
public static class GhostFeatured
{
    public static readonly Expression<Func<Post, bool>> Rule = p => false;

    private static readonly Func<Post, bool> Compiled = Rule.Compile();

    public static bool Of(Post post) => Compiled(post);
}
