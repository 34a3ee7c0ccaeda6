using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cadence.Site.Render;

/// <summary>
/// Renders Razor components to HTML on one thread. An <see cref="HtmlRenderer"/> keeps every root component it
/// has rendered until it is disposed, so each worker retires its renderer after a batch of pages to keep
/// memory flat across thousands of pages.
/// </summary>
public sealed class ComponentRenderer : IDisposable
{
    private const int PagesPerRenderer = 200;
    private static readonly IServiceProvider Services = new ServiceCollection().BuildServiceProvider();
    private readonly StringWriter _writer = new(new StringBuilder(64 * 1024));
    private HtmlRenderer? _renderer;
    private int _pages;

    /// <summary>The page's HTML, in a buffer that is reused by the next call on this renderer.</summary>
    public StringBuilder Render<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        if (_renderer is null || _pages++ >= PagesPerRenderer)
        {
            _renderer?.Dispose();
            _renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
            _pages = 0;
        }
        var renderer = _renderer;
        var html = _writer.GetStringBuilder();
        html.Clear();
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            root.WriteHtmlTo(_writer);
        }).GetAwaiter().GetResult();
        html.Append('\n');
        return html;
    }

    public void Dispose()
    {
        _renderer?.Dispose();
        _writer.Dispose();
    }
}
