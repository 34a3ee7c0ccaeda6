using System.Text.Json.Serialization;
using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs;

/// <summary>What the feeds show: the newest posts in full (each body stood for by its hash), with their excerpts.</summary>
public sealed record FeedInput(IReadOnlyList<PostCard> Newest)
{
    public static FeedInput Of(IReadOnlyList<PostCard> cards) => new(cards.Take(SyndicationFeeds.Items).ToArray());

    public Hash128 Key() => RecordKey.Of(this, FeedInputJson.Default.FeedInput);
}

/// <summary>RSS, Atom and JSON Feed: one input, three files, written again together when the input changes.</summary>
public static class FeedFiles
{
    public static readonly IReadOnlyList<string> Names = ["feed.xml", "atom.xml", "feed.json"];

    /// <summary>The feeds' bodies are rendered here, apart from the pages': calls to action become links to the forms.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Write(SiteSettings settings, FeedInput input, PostPageRenderer posts)
    {
        var items = new FeedItem[input.Newest.Count];
        Parallel.For(0, items.Length, i =>
        {
            var card = input.Newest[i];
            items[i] = new FeedItem(card.Post, card.Excerpt, posts.RenderFeedBody(card.Post));
        });
        yield return (Names[0], SyndicationFeeds.Rss(settings, items));
        yield return (Names[1], SyndicationFeeds.Atom(settings, items));
        yield return (Names[2], JsonFeed.Write(settings, items));
    }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(FeedInput))]
internal sealed partial class FeedInputJson : JsonSerializerContext;
