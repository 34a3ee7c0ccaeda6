using Cadence.Cms.Content;
using Cadence.Cms.Data;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Turns a save's <see cref="SiteChanges"/> into webhook events in the outbox. Only what a reader can see raises
/// an event: a draft's edits do not, and neither does a redirect (it comes with its post's rename).
/// </summary>
public sealed class WebhookOutboxWriter : ISiteChangeWriter
{
    public void Write(CadenceDb db, SiteChanges changes, DateTime now)
    {
        if (QuietWebhooks.IsOn(db)) return;
        var events = new HashSet<(string Name, string? Slug)>();
        foreach (var post in changes.Posts)
            foreach (var e in Events(post)) events.Add(e);
        foreach (var area in changes.Areas)
            if (EventOf(area) is { } name) events.Add((name, null));
        foreach (var (name, slug) in events) db.WebhookEvents.Add(new WebhookEvent { Name = name, Slug = slug, At = now });
    }

    private static IEnumerable<(string, string?)> Events(PostChange post)
    {
        var page = post.Content == PostKind.Page;
        switch (post.Kind)
        {
            case PostChangeKind.Published:
                yield return (page ? WebhookEventNames.PagePublished : WebhookEventNames.PostPublished, post.Slug);
                break;
            case PostChangeKind.Edited:
                var edited = page ? WebhookEventNames.PageEdited : WebhookEventNames.PostEdited;
                yield return (edited, post.Slug);
                // A renamed post leaves its old page behind; receivers need the old slug to remove it.
                if (post.PreviousSlug is not null) yield return (edited, post.PreviousSlug);
                break;
            case PostChangeKind.Unpublished:
                yield return (page ? WebhookEventNames.PageUnpublished : WebhookEventNames.PostUnpublished, post.PreviousSlug ?? post.Slug);
                break;
            case PostChangeKind.Deleted:
                yield return (page ? WebhookEventNames.PageDeleted : WebhookEventNames.PostDeleted, post.PreviousSlug ?? post.Slug);
                break;
        }
    }

    /// <summary>Tag links raise their post's edit or <c>tag.changed</c>, which the detector reports separately.</summary>
    private static string? EventOf(SiteArea area) => area switch
    {
        SiteArea.Settings => WebhookEventNames.SettingsChanged,
        SiteArea.Forms => WebhookEventNames.FormChanged,
        SiteArea.Tags => WebhookEventNames.TagChanged,
        SiteArea.Categories => WebhookEventNames.CategoryChanged,
        SiteArea.Authors => WebhookEventNames.AuthorChanged,
        _ => null,
    };
}
