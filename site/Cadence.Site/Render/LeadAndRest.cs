using Cadence.Markdown.Dialect;

namespace Cadence.Site.Render;

/// <summary>
/// A post's body as its page shows it: the first paragraph as the lead, above the cover image, so the reader meets
/// the title and the opening words first; then the rest, its tables made to scroll. A body that does not open on a
/// paragraph has no lead.
/// </summary>
public sealed record LeadAndRest(string? Lead, string Rest)
{
    /// <param name="body">Rendered with its lead apart (<see cref="MarkdownDialect.Render"/>'s <c>leadApart</c>).</param>
    public static LeadAndRest Of(RenderedMarkdown body) => new(body.Lead, ScrollingTables.Wrap(body.Rest));

    /// <summary>Whether the body holds the form with this key (its markup's id).</summary>
    public bool HoldsForm(string key)
    {
        var id = $"id=\"form-{key}\"";
        return Rest.Contains(id, StringComparison.Ordinal) || Lead?.Contains(id, StringComparison.Ordinal) == true;
    }
}
