using System.Text.Json.Serialization;
using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Source;

namespace Cadence.Site.Render;

/// <summary>What pages show of one post, as keys: the post on its own page, the post as a link, and its list card
/// with the key of what the card was made from (<see cref="CardFrom"/>), so a later build can tell it is the same.</summary>
public readonly record struct ShownKeys(Hash128 Post, Hash128 Link, Hash128 CardFrom, Hash128 Card);

/// <summary>
/// The keys of what pages show of each post, each hashed once per build. A post is shown on its own page, as a link
/// on its neighbours' and related posts' pages and as a card on several lists (home, tags, category, author);
/// serialising it again for every page that shows it was most of what an incremental build spent deciding what to
/// render. Each key is still the hash of a record's JSON (<see cref="RecordKey"/>), so a field added to a post, a link
/// or a card is in the keys without anyone listing it.
/// </summary>
/// <remarks>
/// A post read from the build cache rather than from its source (unchanged since the previous build) is the same
/// record as then when what else it is made from is too (<see cref="SourceKey"/>, and the global key the whole cache
/// is trusted with): its keys are taken from the cache instead of serialising 10,000 posts again for one edit.
/// </remarks>
public sealed class PostKeys
{
    private readonly SiteModel _model;
    private readonly Func<Post, ShownKeys?> _known;
    private readonly Hash128[] _posts;
    private readonly Hash128[] _links;
    private readonly Hash128[] _cardsFrom;
    private readonly Hash128[] _cards;
    private readonly Hash128 _newsletter;

    /// <param name="known">The previous build's keys of a post whose model record is as it was then; null otherwise.</param>
    public PostKeys(SiteModel model, Func<Post, ShownKeys?>? known = null)
    {
        _model = model;
        _known = known ?? (_ => null);
        var posts = model.Posts;
        _posts = new Hash128[posts.Count];
        _links = new Hash128[posts.Count];
        _cardsFrom = new Hash128[posts.Count];
        _cards = new Hash128[posts.Count];
        Parallel.For(0, posts.Count, i =>
        {
            if (_known(posts[i]) is { } keys)
            {
                (_posts[i], _links[i]) = (keys.Post, keys.Link);
                return;
            }
            _posts[i] = RecordKey.Of(posts[i], PageInputJson.Default.Post);
            _links[i] = RecordKey.Of(PostLink.Of(posts[i]), PageInputJson.Default.PostLink);
        });
        if (model.Newsletter is { } newsletter) _newsletter = RecordKey.Of(newsletter, PageInputJson.Default.ApiForm);
    }

    /// <summary>
    /// What a post's model record is made from besides its own source and the inputs in the global key: the authors'
    /// profiles (a byline shows the profile's name and bio) and the images' variants. Hashed once per build.
    /// </summary>
    public static Hash128 SourceKey(SourceContent content) => new InputKey()
        .Add(RecordKey.Of(content.Authors, PostSourceJson.Default.IReadOnlyListApiAuthor))
        .Add(RecordKey.Of(content.Images, PostSourceJson.Default.IReadOnlyDictionaryStringIReadOnlyListApiImageVariant))
        .Value;

    /// <summary>The keys of the post at <paramref name="index"/>, for the next build's cache (once <see cref="Cards"/> has run).</summary>
    public ShownKeys this[int index] => new(_posts[index], _links[index], _cardsFrom[index], _cards[index]);

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
    /// <remarks>A card (<see cref="ListedPost.Of"/>) is made from its post and what rendering the post's body gave (the
    /// excerpt and reading time): with the same post key and the same two, it is the card the previous build keyed.</remarks>
    public Hash128[] Cards(IReadOnlyList<ListedPost> cards)
    {
        Parallel.For(0, cards.Count, i =>
        {
            var card = cards[i];
            _cardsFrom[i] = new InputKey().Add(_posts[i]).Add(card.Excerpt).Add(card.ReadingMinutes).Value;
            _cards[i] = _known(_model.Posts[i]) is { } keys && keys.CardFrom == _cardsFrom[i]
                ? keys.Card
                : RecordKey.Of(card, PageInputJson.Default.ListedPost);
        });
        return _cards;
    }

    private void Link(InputKey key, int index)
    {
        if (index >= 0 && index < _links.Length) key.Add(1).Add(_links[index]);
        else key.Add(0);
    }
}

/// <summary>What posts are made from besides their own source, as JSON only to hash it (<see cref="PostKeys.SourceKey"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IReadOnlyList<ApiAuthor>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<ApiImageVariant>>))]
internal sealed partial class PostSourceJson : JsonSerializerContext;
