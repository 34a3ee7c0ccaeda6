namespace Cadence.Cms.Content;

/// <summary>A copy of a post's words as they were at one save, so any earlier text can be compared and brought back.</summary>
public sealed class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Body { get; set; } = "";
    public string? Excerpt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SavedAt { get; set; }

    /// <summary>The name or email of the person who saved, as it was then.</summary>
    public required string SavedBy { get; set; }

    /// <summary>Saved by the editor while typing; consecutive autosaves by one person share a revision.</summary>
    public bool IsAutosave { get; set; }
}
