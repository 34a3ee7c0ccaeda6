namespace Cadence.Cms.Data;

/// <summary>
/// One page of a list of <paramref name="Total"/> rows, <paramref name="Size"/> to a page: how many pages there
/// are (at least one, so an empty list still has a page to show) and which rows the page holds.
/// </summary>
public readonly record struct Paging(int Page, int Size, int Total)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public int Skip => (Page - 1) * Size;

    /// <summary>The page asked for, moved onto the nearest page that exists (a stale link past the end shows the last).</summary>
    public static Paging Clamped(int wanted, int size, int total)
    {
        var pages = new Paging(1, size, total).Pages;
        return new Paging(Math.Clamp(wanted, 1, pages), size, total);
    }
}

public static class PagingQueries
{
    public static IQueryable<T> Page<T>(this IQueryable<T> query, Paging paging) => query.Skip(paging.Skip).Take(paging.Size);
}
