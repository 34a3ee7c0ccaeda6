namespace Cadence.Cms.Content;

/// <summary>
/// Where pages differ from posts, in one place. A page has no tags, category or byline and no place in feeds, lists,
/// the archive or related posts (the delivery API's post endpoints never return one); it lives at <c>/{slug}/</c>,
/// so its slug must not be one of the site's own top-level paths (<see cref="Cadence.Contract.PageAddresses"/>).
/// </summary>
public static class PageRules
{
    /// <summary>The first path segments the site (or its preview server) uses itself.</summary>
    public static IReadOnlySet<string> ReservedSlugs => Cadence.Contract.PageAddresses.Reserved;

    public static bool IsReserved(string slug) => ReservedSlugs.Contains(slug);

    /// <summary>The message an owner sees when a page asks for one of the site's own addresses.</summary>
    public static string ReservedMessage(string slug) =>
        $"The site uses /{slug}/ itself, so a page cannot have that address. Choose another, like {slug}-info.";
}
