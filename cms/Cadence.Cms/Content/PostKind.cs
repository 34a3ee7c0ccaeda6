namespace Cadence.Cms.Content;

/// <summary>
/// What a piece of content is. A page (About, Contact, Privacy) is a post of another kind, so it shares the editor,
/// revisions, preview, publishing, review, concurrency and slug redirects; what differs is stated in <see cref="PageRules"/>.
/// </summary>
public enum PostKind { Post, Page }
