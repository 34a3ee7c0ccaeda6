using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>A post as the feeds carry it: the summary card plus the full rendered body.</summary>
public sealed record FeedItem(Post Post, string Excerpt, string ContentHtml);
