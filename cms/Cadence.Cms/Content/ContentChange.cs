namespace Cadence.Cms.Content;

/// <summary>
/// One row per change that can alter the site, in order; its id is the cursor of the changes feed.
/// A row with no slug is a site-wide change (settings, forms, tags, categories, authors).
/// </summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public string? Slug { get; set; }
    public DateTime At { get; set; }
}
