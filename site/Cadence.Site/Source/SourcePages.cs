using Cadence.Site.Keys;

namespace Cadence.Site.Source;

/// <summary>What both sources do alike with pages.</summary>
public static class SourcePages
{
    /// <summary>
    /// Adds the pages' addresses and titles to the site key: every page's footer links the pages the navigation does
    /// not, so adding, renaming or retitling a page changes every page. A page's text is in its own page key only.
    /// </summary>
    public static void AddAddresses(InputKey key, IReadOnlyList<ApiPage> pages)
    {
        key.Add(pages.Count);
        foreach (var page in pages.OrderBy(p => p.Slug, StringComparer.Ordinal)) key.Add(page.Slug).Add(page.Title);
    }
}
