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

public sealed record RenderedMarkdown(string Html, MarkdownFacts Facts);

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
        .Build();

    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));

    public static MarkdownFacts Analyse(string markdown) => Facts(Markdig.Markdown.Parse(markdown, Pipeline));

    /// <param name="formHtml">Renders the form a directive names; a placeholder is written when null.</param>
    public static RenderedMarkdown Render(string markdown, Func<string, string>? formHtml = null)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var needsSanitising = UnsafeMarkup.Neutralise(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        var directives = renderer.ObjectRenderers.FindExact<FormDirectiveRenderer>()!;
        var slots = needsSanitising ? new FormSlots() : null;
        directives.FormHtml = slots is null ? formHtml : slots.Reserve;
        renderer.Render(document);
        writer.Flush();

        var html = writer.ToString();
        if (slots is not null) html = slots.Fill(UnsafeMarkup.Sanitise(html), formHtml);
        return new RenderedMarkdown(html, Facts(document));
    }

    private static MarkdownFacts Facts(MarkdownDocument document)
    {
        var headings = new List<MarkdownHeading>();
        var forms = new List<string>();
        var words = 0;
        string? plainStart = null;
        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    headings.Add(new MarkdownHeading(heading.Level, heading.GetAttributes().Id ?? "", PlainText.Of(heading.Inline)));
                    break;
                case FormDirectiveBlock directive:
                    if (!forms.Contains(directive.Key)) forms.Add(directive.Key);
                    break;
                case ParagraphBlock paragraph:
                    plainStart ??= PlainText.Of(paragraph.Inline);
                    break;
                case LiteralInline literal:
                    words += PlainText.CountWords(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    words += PlainText.CountWords(code.Content.AsSpan());
                    break;
                case CodeBlock code:
                    words += PlainText.CountWords(code.Lines.ToString().AsSpan());
                    break;
            }
        }
        return new MarkdownFacts(headings, words, forms, plainStart ?? "");
    }
}
