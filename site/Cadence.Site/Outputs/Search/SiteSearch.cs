using System.Collections.Concurrent;
using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// Gathers every page and post as a <see cref="SearchDocument"/> and writes the split index. Ids run pages first,
/// then posts oldest first, so a new post takes a new id and leaves the others (and their shards) as they were.
/// </summary>
public static class SiteSearch
{
    /// <param name="renderedBodies">Body HTML of the posts rendered in this build, by slug.</param>
    /// <param name="renderBody">Renders the body of a post that was neither rendered now nor cached.</param>
    public static List<(string Path, byte[] Content)> Files(SiteModel model, IReadOnlyList<PostCard> cards,
        IReadOnlyDictionary<string, string> renderedBodies, Func<Post, string> renderBody, SearchDocumentCache cache)
    {
        var settings = model.Settings;
        var english = settings.Language.Tag.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var documents = new List<SearchDocument>(model.Pages.Count + cards.Count);
        foreach (var page in model.Pages)
            documents.Add(SearchDocuments.Make(page.Url, page.Title, "", page.Seo?.Description ?? page.Excerpt, [],
                Markdown.Dialect.MarkdownDialect.Render(page.Body, _ => "").Html, english));

        var posts = new SearchDocument[cards.Count];
        var entries = new ConcurrentDictionary<string, (Hash128, SearchDocument)>(StringComparer.Ordinal);
        Parallel.For(0, cards.Count, i =>
        {
            var card = cards[i];
            var post = card.Post;
            var date = Dates.Long(post.LocalDate, settings);
            var key = new InputKey().Add(post.Url).Add(post.Title).Add(date).Add(card.Excerpt).Add(english ? 1 : 0)
                .Add(post.BodyKey.Upper.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(post.BodyKey.Lower.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(string.Join('\n', post.Tags.Select(t => t.Name))).Value;
            var document = renderedBodies.TryGetValue(post.Slug, out var html) ? null : cache.Find(post.Slug, key);
            document ??= SearchDocuments.Make(post.Url, post.Title, date, card.Excerpt, post.Tags.Select(t => t.Name),
                html ?? renderBody(post), english);
            posts[i] = document;
            entries[post.Slug] = (key, document);
        });
        // The model lists posts newest first.
        for (var i = posts.Length - 1; i >= 0; i--) documents.Add(posts[i]);

        cache.Entries.Clear();
        foreach (var (slug, entry) in entries) cache.Entries[slug] = entry;
        return SearchIndexFiles.Write(documents, english);
    }
}
