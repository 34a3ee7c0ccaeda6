using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

/// <summary>
/// One pass over a parsed post, in document order: it defuses unsafe link schemes (see <see cref="UnsafeMarkup"/>)
/// and gathers the post's facts (headings, words, forms, first paragraph). One pass rather than one per concern,
/// because walking the tree is a fair share of rendering a post.
/// </summary>
internal sealed class DocumentWalk
{
    private readonly List<MarkdownHeading> _headings = [];
    private readonly List<string> _forms = [];
    private int _words;
    private string? _plainStart;
    private bool _hasHtml;

    /// <returns>The facts, and whether the document holds raw HTML that must be sanitised after rendering.</returns>
    public static (MarkdownFacts Facts, bool HasHtml) Run(MarkdownDocument document)
    {
        var walk = new DocumentWalk();
        walk.Visit(document);
        return (new MarkdownFacts(walk._headings, walk._words, walk._forms, walk._plainStart ?? ""), walk._hasHtml);
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
                _words += PlainText.CountWords(code.Lines.ToString().AsSpan());
                break;
        }
        if (block is ContainerBlock container)
        {
            for (var i = 0; i < container.Count; i++) Visit(container[i]);
        }
        else if (block is LeafBlock { Inline: { } inline })
        {
            Visit(inline);
        }
    }

    private void Visit(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                _words += PlainText.CountWords(literal.Content.AsSpan());
                break;
            case CodeInline code:
                _words += PlainText.CountWords(code.Content.AsSpan());
                break;
            case HtmlInline:
                _hasHtml = true;
                break;
            case LinkInline link when !UnsafeMarkup.IsSafeUrl(link.Url):
                link.Url = "#";
                break;
            case AutolinkInline autolink when !UnsafeMarkup.IsSafeUrl(autolink.Url):
                autolink.Url = "#";
                break;
        }
        if (inline is ContainerInline container)
        {
            for (var child = container.FirstChild; child is not null; child = child.NextSibling) Visit(child);
        }
    }
}
