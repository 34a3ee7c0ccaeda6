namespace Cadence.Cms.Webhooks;

/// <summary>
/// The events an endpoint can subscribe to. A scheduled post going live is <see cref="PostPublished"/>, the same
/// event as pressing Publish, so a receiver never needs to know how a post went live.
/// </summary>
public static class WebhookEventNames
{
    public const string PostPublished = "post.published";
    public const string PostEdited = "post.published.edited";
    public const string PostUnpublished = "post.unpublished";
    public const string PostDeleted = "post.deleted";
    public const string PagePublished = "page.published";
    public const string PageEdited = "page.published.edited";
    public const string PageUnpublished = "page.unpublished";
    public const string PageDeleted = "page.deleted";
    public const string SettingsChanged = "settings.changed";
    public const string FormChanged = "form.changed";
    public const string TagChanged = "tag.changed";
    public const string CategoryChanged = "category.changed";
    public const string AuthorChanged = "author.changed";

    /// <summary>Subscribes to every event; an endpoint with no events listed gets every event too.</summary>
    public const string All = "*";

    /// <summary>The <c>event</c> of a delivery that coalesced several different events.</summary>
    public const string Several = "content.changed";

    public static readonly IReadOnlyList<string> Known =
        [PostPublished, PostEdited, PostUnpublished, PostDeleted, PagePublished, PageEdited, PageUnpublished, PageDeleted, SettingsChanged, FormChanged, TagChanged, CategoryChanged, AuthorChanged];

    public static bool IsKnown(string name) => name == All || Known.Contains(name);

    public static bool Subscribes(IReadOnlyCollection<string> subscribed, string name) =>
        subscribed.Count == 0 || subscribed.Contains(All) || subscribed.Contains(name);
}
