using System.Globalization;
using System.Linq.Expressions;

namespace Cadence.Cms.Ghost;

/// <summary>
/// What a Ghost query may name on one resource: the fields a filter can test (each turns a condition into a query
/// expression the database runs) and the fields results can be ordered by. A name not declared here is refused.
/// </summary>
public sealed class GhostFields<T>
{
    private readonly Dictionary<string, Func<GhostFilter.Condition, Expression<Func<T, bool>>>> _filters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IQueryable<T>, bool, bool, IOrderedQueryable<T>>> _orders = new(StringComparer.Ordinal);

    public IEnumerable<string> OrderNames => _orders.Keys;

    /// <summary>A field tested for equality with one value or any of a list: <paramref name="anyOf"/> builds the test.</summary>
    public GhostFields<T> Match(string name, Func<IReadOnlyList<string>, Expression<Func<T, bool>>> anyOf)
    {
        _filters[name] = condition => condition.Operator switch
        {
            FilterOperator.Is => anyOf(condition.Values),
            FilterOperator.IsNot => Not(anyOf(condition.Values)),
            _ => throw new GhostFilterException($"'{condition.Field}' can be matched (':') or excluded (':-'), not compared."),
        };
        return this;
    }

    /// <summary>A yes/no field: <c>true</c> keeps the rows <paramref name="rule"/> holds for, <c>false</c> the others.</summary>
    public GhostFields<T> Flag(string name, Expression<Func<T, bool>> rule) => Match(name, values => values switch
    {
        ["true"] => rule,
        ["false"] => Not(rule),
        _ => throw new GhostFilterException($"'{name}' is true or false."),
    });

    /// <summary>A UTC date and time, compared with <c>&gt; &gt;= &lt; &lt;=</c> or matched exactly.</summary>
    public GhostFields<T> Date(string name, Expression<Func<T, DateTime?>> value)
    {
        _filters[name] = condition =>
        {
            if (condition.Values is not [var text] || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                throw new GhostFilterException($"'{name}' needs one date, such as '2024-01-31' or '2024-01-31 08:00:00'.");
            DateTime? at = parsed.UtcDateTime;
            Expression<Func<DateTime?, bool>> test = condition.Operator switch
            {
                FilterOperator.Above => d => d > at,
                FilterOperator.AtLeast => d => d >= at,
                FilterOperator.Below => d => d < at,
                FilterOperator.AtMost => d => d <= at,
                FilterOperator.IsNot => d => d != at,
                _ => d => d == at,
            };
            return Expression.Lambda<Func<T, bool>>(Swap.Into(test.Body, test.Parameters[0], value.Body), value.Parameters);
        };
        return this;
    }

    public GhostFields<T> Orderable<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _orders[name] = (rows, first, descending) => (first, descending) switch
        {
            (true, false) => rows.OrderBy(key),
            (true, true) => rows.OrderByDescending(key),
            (false, false) => ((IOrderedQueryable<T>)rows).ThenBy(key),
            (false, true) => ((IOrderedQueryable<T>)rows).ThenByDescending(key),
        };
        return this;
    }

    public bool CanOrderBy(string name) => _orders.ContainsKey(name);

    /// <summary>Orders by each (field, descending) in turn; the fields must be <see cref="CanOrderBy"/>.</summary>
    public IOrderedQueryable<T> Order(IQueryable<T> rows, IReadOnlyList<(string Field, bool Descending)> order)
    {
        for (var i = 0; i < order.Count; i++) rows = _orders[order[i].Field](rows, i == 0, order[i].Descending);
        return (IOrderedQueryable<T>)rows;
    }

    public Expression<Func<T, bool>> Compile(GhostFilter filter) => filter switch
    {
        GhostFilter.Both both => Join(Compile(both.Left), Compile(both.Right), Expression.AndAlso),
        GhostFilter.Either either => Join(Compile(either.Left), Compile(either.Right), Expression.OrElse),
        GhostFilter.Condition condition => _filters.TryGetValue(condition.Field, out var build)
            ? build(condition)
            : throw new GhostFilterException($"Cadence cannot filter by '{condition.Field}'. Use {string.Join(", ", _filters.Keys.Order())}."),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static Expression<Func<T, bool>> Not(Expression<Func<T, bool>> rule) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(rule.Body), rule.Parameters);

    private static Expression<Func<T, bool>> Join(
        Expression<Func<T, bool>> left, Expression<Func<T, bool>> right, Func<Expression, Expression, BinaryExpression> join) =>
        Expression.Lambda<Func<T, bool>>(join(left.Body, Swap.Into(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    /// <summary>Puts one expression where a parameter was, so separately written rules become one query.</summary>
    private sealed class Swap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        public static Expression Into(Expression body, ParameterExpression from, Expression to) => new Swap(from, to).Visit(body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
