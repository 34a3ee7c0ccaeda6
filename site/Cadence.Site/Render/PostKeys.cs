using Cadence.Site.Keys;
using Cadence.Site.Model;

namespace Cadence.Site.Render;

/// <summary>
/// The keys of what pages show of each post, each hashed once per build. A post is shown on its own page, as a link
/// on its neighbours' and related posts' pages and as a card on several lists (home, tags, category, author);
/// serialising it again for every page that shows it was most of what an incremental build spent deciding what to
/// render. Each key is still the hash of a record's JSON (<see cref="RecordKey"/>), so a field added to a post, a link
/// or a card is in the keys without anyone listing it.
/// </summary>
public sealed class PostKeys
{
    private readonly SiteModel _model;
    private readonly Hash128[] _posts;
    private readonly Hash128[] _links;
    private readonly Hash128 _newsletter;

    public PostKeys(SiteModel model)
    {
        _model = model;
        var posts = model.Posts;
        _posts = new Hash128[posts.Count];
        _links = new Hash128[posts.Count];
        Parallel.For(0, posts.Count, i =>
        {
            _posts[i] = RecordKey.Of(posts[i], PageInputJson.Default.Post);
            _links[i] = RecordKey.Of(PostLink.Of(posts[i]), PageInputJson.Default.PostLink);
        });
        if (model.Newsletter is { } newsletter) _newsletter = RecordKey.Of(newsletter, PageInputJson.Default.ApiForm);
    }

    /// <summary>
    /// The key of a post's page: of its <see cref="PostPageInput.For"/>, field by field, from the keys made once per
    /// post (PostPageKeyTests holds the two to the same fields); the body is in the post's key by its hash. The head
    /// is made from the post and its body, and the forms and settings are in every page's global key.
    /// </summary>
    public Hash128 PostPage(Post post)
    {
        var i = post.Index;
        var key = new InputKey().Add(nameof(Theme.PostPage)).Add(_posts[i]);
        Link(key, i - 1);
        Link(key, i + 1);
        var related = _model.Related.Indexes[i];
        key.Add(related.Length);
        foreach (var index in related) key.Add(_links[index]);
        // Present or absent, each told apart by a marker.
        return (_model.Newsletter is null ? key.Add(0) : key.Add(1).Add(_newsletter)).Value;
    }

    /// <summary>Each card's key, by post index: a list page is keyed by the keys of the cards it shows.</summary>
    public static Hash128[] Cards(IReadOnlyList<ListedPost> cards)
    {
        var keys = new Hash128[cards.Count];
        Parallel.For(0, cards.Count, i => keys[i] = RecordKey.Of(cards[i], PageInputJson.Default.ListedPost));
        return keys;
    }

    private void Link(InputKey key, int index)
    {
        if (index >= 0 && index < _links.Length) key.Add(1).Add(_links[index]);
        else key.Add(0);
    }
}
