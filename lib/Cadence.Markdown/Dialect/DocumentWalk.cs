using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

/// <summary>
/// One pass over a parsed post, in document order: it defuses unsafe link schemes (see <see cref="UnsafeMarkup"/>)
/// and gathers the post's facts (headings, words, forms, first paragraph) and, when asked, its plain text. One pass
/// rather than one per concern, because walking the tree is a fair share of rendering a post.
/// </summary>
internal sealed class DocumentWalk
{
    private readonly List<MarkdownHeading> _headings = [];
    private readonly List<string> _forms = [];
    private readonly BodyText? _text;
    private int _words;
    private string? _plainStart;
    private bool _hasHtml;

    private DocumentWalk(bool collectText) => _text = collectText ? new BodyText() : null;

    /// <param name="collectText">Also gather the words a reader sees (<see cref="RenderedMarkdown.PlainText"/>).</param>
    /// <returns>The facts, whether the document holds raw HTML that must be sanitised after rendering, and its plain
    /// text when asked for and the document holds no raw HTML (whose words only its sanitised rendering shows).</returns>
    public static (MarkdownFacts Facts, bool HasHtml, string? Text) Run(MarkdownDocument document, bool collectText = false)
    {
        var walk = new DocumentWalk(collectText);
        walk.Visit(document);
        var text = walk._text?.Finish(wanted: !walk._hasHtml);
        return (new MarkdownFacts(walk._headings, walk._words, walk._forms, walk._plainStart ?? ""), walk._hasHtml, text);
    }

    private void Visit(Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                _headings.Add(new MarkdownHeading(heading.Level, heading.GetAttributes().Id ?? "", PlainText.Of(heading.Inline)));
                break;
            case FormDirectiveBlock directive:
                if (!_forms.Contains(directive.Key)) _forms.Add(directive.Key);
                break;
            case ParagraphBlock paragraph:
                _plainStart ??= PlainText.Of(paragraph.Inline);
                break;
            case HtmlBlock:
                _hasHtml = true;
                break;
            case CodeBlock code:
                var lines = code.Lines.ToString();
                _words += PlainText.CountWords(lines.AsSpan());
                _text?.Block();
                _text?.Append(lines);
                break;
        }
        if (block is ContainerBlock container)
        {
            for (var i = 0; i < container.Count; i++) Visit(container[i]);
        }
        else if (block is LeafBlock { Inline: { } inline })
        {
            _text?.Block();
            Visit(inline);
        }
    }

    private void Visit(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                _words += PlainText.CountWords(literal.Content.AsSpan());
                _text?.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                _words += PlainText.CountWords(code.Content.AsSpan());
                _text?.Append(code.Content.AsSpan());
                break;
            case LineBreakInline:
                _text?.Block();
                break;
            case HtmlEntityInline entity:
                _text?.Append(entity.Transcoded.AsSpan());
                break;
            case HtmlInline:
                _hasHtml = true;
                break;
            case LinkInline link when !UnsafeMarkup.IsSafeUrl(link.Url):
                link.Url = "#";
                break;
            case AutolinkInline autolink:
                // Shown as its own address.
                _text?.Append(autolink.Url.AsSpan());
                if (!UnsafeMarkup.IsSafeUrl(autolink.Url)) autolink.Url = "#";
                break;
        }
        if (inline is ContainerInline container)
        {
            // An image's description is an attribute of the picture, not text on the page; its words still count.
            var image = inline is LinkInline { IsImage: true } && _text is not null;
            if (image) _text!.Paused++;
            for (var child = container.FirstChild; child is not null; child = child.NextSibling) Visit(child);
            if (image) _text!.Paused--;
        }
    }
}
