using System.Collections.Concurrent;
using Cadence.Markdown.Dialect;
using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Render;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// Gathers every page and post as a <see cref="SearchDocument"/> and writes the split index. Ids run pages first,
/// then posts oldest first, so a new post takes a new id and leaves the others (and their shards) as they were.
/// A post's document is made while its page renders (<see cref="PostRendered"/>), so no body is held for the
/// index; a post not rendered again keeps its document from the previous build's <see cref="SearchIndexCache"/>.
/// </summary>
/// <param name="previous">The previous build's index, or null to make every document and file.</param>
public sealed class SiteSearch(SiteModel model, IPageOutput output, SearchIndexCache? previous)
{
    private readonly TermTable _table = previous?.Table ?? new TermTable();
    private readonly bool _english = model.Settings.Language.Tag.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IndexedDocument> _rendered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _texts = new(StringComparer.Ordinal);

    /// <summary>Makes the document of a post whose page was just rendered. Safe to call from many threads.</summary>
    public void PostRendered(Post post, PostCard card, RenderedMarkdown body) => _rendered[post.Slug] = Make(post, card, body);

    /// <summary>Writes the index into the output.</summary>
    /// <param name="renderBody">Renders the body of a post that was neither rendered now nor cached.</param>
    /// <returns>What the next build needs to write only what changes; the caller saves it once the output is committed.</returns>
    public SearchIndexCache Write(IReadOnlyList<PostCard> cards, Func<Post, RenderedMarkdown> renderBody)
    {
        var documents = new List<IndexedDocument>(model.Pages.Count + cards.Count);
        foreach (var page in model.Pages)
        {
            var (document, text) = SearchDocuments.Make(_table, page.Url, page.Title, "", page.Seo?.Description ?? page.Excerpt, [],
                MarkdownDialect.Render(page.Body, _ => "", plainText: true), _english);
            WriteText(document.TextName, text);
            documents.Add(new IndexedDocument(null, default, document));
        }

        var known = new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
        foreach (var document in previous?.Documents ?? [])
            if (document.Slug is not null) known[document.Slug] = document;
        var posts = new IndexedDocument[cards.Count];
        Parallel.For(0, cards.Count, i =>
        {
            var card = cards[i];
            if (_rendered.TryGetValue(card.Post.Slug, out var rendered)) posts[i] = rendered;
            else if (known.TryGetValue(card.Post.Slug, out var cached) && cached.Key == KeyOf(card) && KeepText(cached.Document.TextName))
                posts[i] = cached;
            else posts[i] = Make(card.Post, card, renderBody(card.Post));
        });
        // The model lists posts newest first.
        for (var i = posts.Length - 1; i >= 0; i--) documents.Add(posts[i]);

        var layout = SearchIndexFiles.Write(output, _table, documents.Select(d => d.Document).ToList(), _english, previous);
        return new SearchIndexCache("", _table, documents, layout);
    }

    private IndexedDocument Make(Post post, PostCard card, RenderedMarkdown body)
    {
        var (document, text) = SearchDocuments.Make(_table, post.Url, post.Title, DateOf(post), card.Excerpt, post.Tags.Select(t => t.Name),
            body, _english);
        WriteText(document.TextName, text);
        return new IndexedDocument(post.Slug, KeyOf(card), document);
    }

    /// <summary>Everything a post's document is made from, so an unchanged key means an unchanged document. The date is
    /// there as the post's own: the language that writes it out is in the key the whole cache is trusted with.</summary>
    private Hash128 KeyOf(PostCard card)
    {
        var post = card.Post;
        var key = new InputKey().Add(post.Url).Add(post.Title).Add(post.LocalDate).Add(card.Excerpt).Add(_english ? 1 : 0).Add(post.BodyKey)
            .Add(post.Tags.Count);
        foreach (var tag in post.Tags) key.Add(tag.Name);
        return key.Value;
    }

    private string DateOf(Post post) => Dates.Long(post.LocalDate, model.Settings);

    // Two documents with the same text share one file, written (or kept) once.
    private void WriteText(string name, byte[] text)
    {
        if (_texts.TryAdd(name, 0)) output.Write(SearchDocument.TextPath(name), text);
    }

    private bool KeepText(string name)
    {
        if (!_texts.TryAdd(name, 0)) return true;
        if (output.Keep(SearchDocument.TextPath(name))) return true;
        _texts.TryRemove(name, out _);
        return false;
    }
}
