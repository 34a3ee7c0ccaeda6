using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

/// <summary>An image in a body: where it points, its alternative text, and its place among the body's images (0 first).</summary>
public sealed record MarkdownImage(string Url, string Alt, string? Title, int Index);

/// <summary>
/// The one place a body's images become HTML: the caller's writer (the site's responsive <c>&lt;picture&gt;</c>,
/// which the CMS preview also uses) or, when it has nothing for an image, Markdig's plain <c>&lt;img&gt;</c>.
/// </summary>
public sealed class ImageSeamRenderer : LinkInlineRenderer
{
    public Func<MarkdownImage, string?>? ImageHtml { get; set; }

    /// <summary>Counts the images written in the current document.</summary>
    public int Written { get; set; }

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage && ImageHtml is { } write && renderer.EnableHtmlForInline
            && write(new MarkdownImage(link.GetDynamicUrl?.Invoke() ?? link.Url ?? "", PlainText.Of(link), link.Title, Written++)) is { } html)
        {
            renderer.Write(html);
            return;
        }
        base.Write(renderer, link);
    }
}

public sealed class ImageSeamExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<ImageSeamRenderer>()) return;
        html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new ImageSeamRenderer());
    }
}
