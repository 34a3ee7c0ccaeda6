namespace Cadence.Cms.Ghost;

public enum FilterOperator { Is, IsNot, Above, AtLeast, Below, AtMost }

/// <summary>
/// A parsed Ghost <c>filter</c> (the part of Ghost's NQL that front ends use): conditions such as <c>tag:knee-pain</c>,
/// joined by <c>+</c> (and) and <c>,</c> (or), grouped with parentheses. Made by <see cref="GhostFilterParser"/>.
/// </summary>
public abstract record GhostFilter
{
    public sealed record Both(GhostFilter Left, GhostFilter Right) : GhostFilter;

    public sealed record Either(GhostFilter Left, GhostFilter Right) : GhostFilter;

    /// <param name="Values">One value, or the values of a list (<c>[a,b]</c>), any of which matches.</param>
    public sealed record Condition(string Field, FilterOperator Operator, IReadOnlyList<string> Values) : GhostFilter;
}

/// <summary>A filter that cannot be used, with a message naming the part at fault.</summary>
public sealed class GhostFilterException(string message) : Exception(message);
