namespace Cadence.Cms.Content;

/// <summary>An old slug of a published post, kept so links to it keep working.</summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }
    public required string FromSlug { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
}
