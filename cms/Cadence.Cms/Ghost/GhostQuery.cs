using System.Globalization;
using System.Linq.Expressions;
using Cadence.Cms.Data;
using Cadence.Cms.Delivery;

namespace Cadence.Cms.Ghost;

/// <summary>
/// The query string of a Ghost Content API call, checked: <c>limit</c> (1 to <see cref="PostQuery.MaxLimit"/>, or
/// <c>all</c>), <c>page</c>, <c>order</c>, <c>filter</c>, <c>fields</c>, <c>include</c> and <c>formats</c>. Includes and
/// formats Cadence does not have are ignored, as Ghost ignores them; anything else wrong is a 400 naming the parameter.
/// </summary>
public sealed record GhostQuery<T>(
    int Page, int? Limit, Expression<Func<T, bool>>? Where, IReadOnlyList<(string Field, bool Descending)> Order, GhostShape Shape)
{
    public IQueryable<T> Filtered(IQueryable<T> rows) => Where is null ? rows : rows.Where(Where);

    /// <summary>One page of <paramref name="rows"/> in this query's order, and its pagination for <c>meta</c>.</summary>
    public (IQueryable<T> Rows, GhostPagination Pagination) Paged(IQueryable<T> rows, GhostFields<T> fields, int total)
    {
        var ordered = fields.Order(rows, Order);
        if (Limit is not { } limit) return (ordered, new GhostPagination(1, "all", 1, total, null, null));
        var paging = new Paging(Page, limit, total);
        return (ordered.Page(paging), new GhostPagination(Page, limit, paging.Pages, total,
            Page < paging.Pages ? Page + 1 : null, Page > 1 ? Math.Min(Page - 1, paging.Pages) : null));
    }
}

public static class GhostQuery
{
    /// <summary>Ghost's own default page size.</summary>
    public const int DefaultLimit = 15;

    public static (GhostQuery<T>? Query, IResult? Problem) Parse<T>(IQueryCollection query, GhostFields<T> fields, string defaultOrder)
    {
        int? limit = DefaultLimit;
        var limitText = query["limit"].ToString();
        if (limitText == "all") limit = null;
        else if (limitText.Length > 0)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > PostQuery.MaxLimit)
                return Refuse<T>("limit", $"Use a whole number from 1 to {PostQuery.MaxLimit}, or 'all'.");
            limit = n;
        }

        var page = 1;
        var pageText = query["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return Refuse<T>("page", "Use a whole number from 1.");

        var order = new List<(string Field, bool Descending)>();
        foreach (var part in Split(query["order"].ToString() is { Length: > 0 } o ? o : defaultOrder))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var descending = words is [_, "desc" or "DESC"];
            if (words.Length is 0 or > 2 || !fields.CanOrderBy(words[0]) || (words.Length == 2 && !descending && words[1] is not ("asc" or "ASC")))
                return Refuse<T>("order", $"'{part}' is not an order Cadence knows. Use a field ({string.Join(", ", fields.OrderNames)}) and asc or desc.");
            order.Add((words[0], descending));
        }
        // Equal dates or titles would otherwise leave the database free to page them differently from call to call.
        if (fields.CanOrderBy("id") && !order.Exists(o => o.Field == "id")) order.Add(("id", order[0].Descending));

        Expression<Func<T, bool>>? where = null;
        if (query["filter"].ToString() is { Length: > 0 } filter)
        {
            try
            {
                where = fields.Compile(GhostFilterParser.Parse(filter));
            }
            catch (GhostFilterException e)
            {
                return Refuse<T>("filter", e.Message);
            }
        }

        var wanted = Set(query["fields"].ToString());
        var formats = Set(query["formats"].ToString());
        // As in Ghost, html is the default format, unless fields names what to send.
        if (formats.Count == 0 && wanted.Count == 0) formats.Add("html");
        return (new GhostQuery<T>(page, limit, where, order, new GhostShape(wanted.Count > 0 ? wanted : null, Set(query["include"].ToString()), formats)), null);
    }

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HashSet<string> Set(string list) => Split(list).ToHashSet(StringComparer.Ordinal);

    private static (GhostQuery<T>?, IResult?) Refuse<T>(string parameter, string message) => (null, GhostProblems.BadParameter(parameter, message));
}
