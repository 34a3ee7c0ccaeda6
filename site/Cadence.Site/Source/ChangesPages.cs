namespace Cadence.Site.Source;

/// <summary>
/// Reads the changes feed page by page and folds the pages into one answer. Each page judges its slugs by what is
/// live when it is read, so where a slug is in two pages the later one is right.
/// </summary>
public static class ChangesPages
{
    public const int DefaultSize = 500;

    /// <summary>Every page from <paramref name="since"/> (everything when null); null when the CMS has no changes feed.</summary>
    public static async Task<ApiChanges?> ReadAsync(DeliveryApiClient api, string? since, int pageSize, CancellationToken ct)
    {
        ApiChanges? all = null;
        while (true)
        {
            var path = $"api/v1/changes?limit={pageSize}" + (since is null ? "" : $"&since={Uri.EscapeDataString(since)}");
            var page = await api.GetJsonOrNullAsync(path, ApiJson.Default.ApiChanges, ct);
            if (page is null) return all;
            all = all is null ? page : Fold(all, page);
            if (page.Next is null) return all with { Next = null };
            if (page.Next == since) throw new SourceException($"The CMS answered something unexpected: the changes feed repeats its page at '{since}'.");
            since = page.Next;
        }
    }

    private static ApiChanges Fold(ApiChanges earlier, ApiChanges later)
    {
        var judged = new HashSet<string>(later.Changed.Concat(later.Deleted).Concat(later.ChangedPages ?? []), StringComparer.Ordinal);
        List<string> Merge(IEnumerable<string>? before, IEnumerable<string>? now) =>
            (before ?? []).Where(slug => !judged.Contains(slug)).Concat(now ?? []).Distinct(StringComparer.Ordinal).ToList();
        return new ApiChanges(later.Cursor, Merge(earlier.Changed, later.Changed), Merge(earlier.Deleted, later.Deleted),
            earlier.SiteChanged || later.SiteChanged, Merge(earlier.ChangedPages, later.ChangedPages), later.Next);
    }
}
