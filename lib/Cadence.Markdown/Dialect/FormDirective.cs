using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Cadence.Markdown.Dialect;

/// <summary>A call to action on a line of its own: <c>::: form knee-pain-ebook</c>.</summary>
public sealed class FormDirectiveBlock(BlockParser parser, string key) : LeafBlock(parser)
{
    public string Key { get; } = key;
}

public sealed class FormDirectiveParser : BlockParser
{
    public const string Prefix = ":::";

    public FormDirectiveParser() => OpeningCharacters = [':'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var key = ParseKey(processor.Line.ToString());
        if (key is null) return BlockState.None;
        processor.NewBlocks.Push(new FormDirectiveBlock(this, key)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.BreakDiscard;
    }

    /// <summary>The form key of a directive line, or null when the line is not one.</summary>
    public static string? ParseKey(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var words = text[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["form", var key] || !Slug.IsValid(key)) return null;
        return key;
    }
}

/// <summary>Writes a directive through the caller's form renderer (the site renders the whole form).</summary>
public sealed class FormDirectiveRenderer : HtmlObjectRenderer<FormDirectiveBlock>
{
    public Func<string, string>? FormHtml { get; set; }

    protected override void Write(HtmlRenderer renderer, FormDirectiveBlock block) =>
        renderer.Write(FormHtml?.Invoke(block.Key) ?? Placeholder(block.Key)).EnsureLine();

    public static string Placeholder(string key) =>
        $"<aside class=\"cta\" data-form=\"{key}\"><p>Form: {key}</p></aside>\n";
}

public sealed class FormDirectiveExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<FormDirectiveParser>())
            pipeline.BlockParsers.Insert(0, new FormDirectiveParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<FormDirectiveRenderer>())
            html.ObjectRenderers.Insert(0, new FormDirectiveRenderer());
    }
}
