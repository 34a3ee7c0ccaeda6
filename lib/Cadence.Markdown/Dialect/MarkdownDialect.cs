using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

public sealed record MarkdownHeading(int Level, string Id, string Text);

/// <summary>What a post's Markdown says about itself, without rendering it.</summary>
public sealed record MarkdownFacts(IReadOnlyList<MarkdownHeading> Headings, int WordCount, IReadOnlyList<string> FormKeys, string PlainStart)
{
    public int ReadingMinutes => MarkdownDialect.ReadingMinutes(WordCount);
}

/// <summary>A rendered document: its HTML, whole or as its opening paragraph and the rest, and what it says about itself.</summary>
public sealed class RenderedMarkdown
{
    private string? _html;

    internal RenderedMarkdown(string? lead, string rest, MarkdownFacts facts, string? plainText)
    {
        Lead = lead;
        Rest = rest;
        Facts = facts;
        PlainText = plainText;
    }

    /// <summary>The opening paragraph, when it was asked for apart and the document opens on one; see <see cref="OpeningParagraph"/>.</summary>
    public string? Lead { get; }

    /// <summary>The HTML after <see cref="Lead"/>: all of it when there is none.</summary>
    public string Rest { get; }

    /// <summary>The whole HTML.</summary>
    public string Html => _html ??= Lead is null ? Rest : string.Concat(Lead, Rest);

    public MarkdownFacts Facts { get; }

    /// <summary>The words a reader sees, in order and one space apart, when asked for; null when not, or when the
    /// document holds raw HTML (then only its sanitised rendering says which words show).</summary>
    public string? PlainText { get; }
}

/// <summary>
/// Cadence's Markdown: CommonMark, GitHub tables, task lists, autolinks, heading ids and the form directive.
/// Raw HTML and unsafe link schemes are sanitised.
/// </summary>
public static class MarkdownDialect
{
    public const int WordsPerMinute = 230;

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .Use<AccessibleTaskListExtension>()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Use<FormDirectiveExtension>()
        .Use<ImageSeamExtension>()
        .Build();

    // A renderer (with the pipeline's extensions set up) per thread, reused: setting one up is a fair share of
    // rendering a short post. Rendering a whole document leaves no state behind in it but the writer's text.
    [ThreadStatic] private static (HtmlRenderer Renderer, StringWriter Writer)? t_renderer;

    private static (HtmlRenderer, StringWriter) NewRenderer()
    {
        var writer = new StringWriter(new System.Text.StringBuilder(16 * 1024));
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        return (renderer, writer);
    }

    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));

    public static MarkdownFacts Analyse(string markdown) => DocumentWalk.Run(MarkdownLimits.Parse(markdown, Pipeline)).Facts;

    /// <param name="formHtml">Renders the form a directive names; a placeholder is written when null.</param>
    /// <param name="imageHtml">Renders an image (null: Markdig's own <c>&lt;img&gt;</c>); see <see cref="ImageSeamRenderer"/>.</param>
    /// <param name="plainText">Also gather the document's words (<see cref="RenderedMarkdown.PlainText"/>).</param>
    /// <param name="leadApart">Give the opening paragraph apart (<see cref="RenderedMarkdown.Lead"/>), when it is one.</param>
    public static RenderedMarkdown Render(string markdown, Func<string, string>? formHtml = null, Func<MarkdownImage, string?>? imageHtml = null,
        bool plainText = false, bool leadApart = false)
    {
        try
        {
            return Render(MarkdownLimits.Parse(markdown, Pipeline), formHtml, imageHtml, plainText, leadApart);
        }
        catch (Exception e) when (MarkdownLimits.IsRefusal(e))
        {
            return Render(MarkdownLimits.ParsePlain(markdown, Pipeline), formHtml, imageHtml, plainText, leadApart);
        }
    }

    private static RenderedMarkdown Render(MarkdownDocument document, Func<string, string>? formHtml, Func<MarkdownImage, string?>? imageHtml,
        bool plainText, bool leadApart)
    {
        var (facts, needsSanitising, text) = DocumentWalk.Run(document, plainText);

        var (renderer, writer) = t_renderer ??= NewRenderer();
        writer.GetStringBuilder().Clear();
        var directives = renderer.ObjectRenderers.FindExact<FormDirectiveRenderer>()!;
        var slots = needsSanitising ? new FormSlots() : null;
        directives.FormHtml = slots is null ? formHtml : slots.Reserve;
        var images = renderer.ObjectRenderers.FindExact<ImageSeamRenderer>()!;
        images.Written = 0;
        images.ImageHtml = imageHtml is null || slots is null ? imageHtml : image => imageHtml(image) is { } html ? slots.Keep(html) : null;
        try
        {
            renderer.Render(document);
        }
        catch
        {
            t_renderer = null; // it may be left mid-document
            throw;
        }
        finally
        {
            directives.FormHtml = null;
            images.ImageHtml = null;
        }

        var written = writer.GetStringBuilder();
        var html = slots is not null ? slots.Fill(UnsafeMarkup.Sanitise(written.ToString()), formHtml) : null;
        if (!leadApart) return new RenderedMarkdown(null, html ?? written.ToString(), facts, text);
        // The lead and the rest straight from the writer when it holds the body in one piece: a string of the whole
        // body first would be one more copy of it.
        if (html is null && written.GetChunks() is var chunks && chunks.MoveNext() && chunks.Current.Length == written.Length)
            return Apart(chunks.Current.Span, written.Length, (from, length) => written.ToString(from, length), facts, text);
        html ??= written.ToString();
        return Apart(html, html.Length, html.Substring, facts, text);
    }

    private static RenderedMarkdown Apart(ReadOnlySpan<char> html, int length, Func<int, int, string> slice, MarkdownFacts facts, string? text) =>
        OpeningParagraph.Find(html) is var (start, end)
            ? new RenderedMarkdown(slice(start, end - start), slice(end, length - end), facts, text)
            : new RenderedMarkdown(null, slice(0, length), facts, text);
}
