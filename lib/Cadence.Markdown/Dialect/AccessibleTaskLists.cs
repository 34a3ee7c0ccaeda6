using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Cadence.Markdown.Dialect;

/// <summary>
/// Task-list checkboxes that say what they show: Markdig writes a bare disabled checkbox, which screen readers
/// announce as an unlabelled control. Ours carries "Done" or "Not done" as its accessible name.
/// </summary>
public sealed class AccessibleTaskListRenderer : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList taskList)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.Write(taskList.Checked ? "[x]" : "[ ]");
            return;
        }
        renderer.Write(taskList.Checked
            ? "<input type=\"checkbox\" disabled checked aria-label=\"Done\" class=\"task-list-item-checkbox\" />"
            : "<input type=\"checkbox\" disabled aria-label=\"Not done\" class=\"task-list-item-checkbox\" />");
    }
}

public sealed class AccessibleTaskListExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        html.ObjectRenderers.RemoveAll(r => r is HtmlTaskListRenderer);
        if (!html.ObjectRenderers.Contains<AccessibleTaskListRenderer>()) html.ObjectRenderers.Add(new AccessibleTaskListRenderer());
    }
}
