using Ganss.Xss;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cadence.Markdown.Dialect;

/// <summary>
/// Keeps posts from carrying script. Links with unsafe schemes are defused in the syntax tree (by <see cref="DocumentWalk"/>); raw HTML is
/// run through an allow-list sanitiser, which is only paid for by the few posts that contain raw HTML.
/// </summary>
internal static class UnsafeMarkup
{
    public static string Sanitise(string html) => Sanitizer.Sanitize(html);

    public static bool IsSafeUrl(string? url) => string.IsNullOrWhiteSpace(url) || SafeUrl.IsAllowed(url);

    // What a post needs and nothing more: text structure, links, images, tables, <details>. No forms or inputs (a post must not
    // collect data or pose as a login), no style (nor url() in CSS), no id or name (they clobber the page's own script globals),
    // no iframes, objects or SVG.
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i",
        "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "dfn", "time", "span", "div", "a", "img", "figure",
        "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup",
        "col", "details", "summary",
    ];

    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "width", "height", "class", "colspan", "rowspan", "scope", "start", "reversed", "datetime",
        "lang", "dir", "open", "cite", "loading", "align",
    ];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer(); // after the lists it reads

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        // The dialect's own markup survives: heading ids (the contents' links) and a task list's disabled checkbox.
        sanitizer.RemovingAttribute += (_, e) =>
            e.Cancel = e.Attribute.Name == "id" && e.Tag.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" && Slug.IsValid(e.Attribute.Value);
        sanitizer.RemovingTag += (_, e) =>
            e.Cancel = e.Tag.LocalName == "input" && e.Tag.GetAttribute("type") == "checkbox" && e.Tag.HasAttribute("disabled") && !e.Tag.HasAttribute("name");
        sanitizer.RemovingAttribute += (_, e) =>
            e.Cancel |= e.Tag.LocalName == "input" && e.Attribute.Name is "type" or "disabled" or "checked" or "aria-label";
        // Links that pass the sanitiser still pass the one URL policy (it also refuses protocol-relative addresses).
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!SafeUrl.IsAllowed(e.OriginalUrl)) e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}

/// <summary>Keeps rendered forms and images (our own markup) out of the sanitiser: slots are filled in after it has run.</summary>
internal sealed class FormSlots
{
    private readonly string _nonce = Guid.NewGuid().ToString("N");
    private readonly List<string> _keys = [];
    private readonly List<string> _kept = [];

    /// <summary>Inline markup to put back as it is: a placeholder of plain text, which the sanitiser leaves alone.</summary>
    public string Keep(string html)
    {
        _kept.Add(html);
        return $"{_nonce}i{_kept.Count - 1}";
    }

    public string Reserve(string key)
    {
        _keys.Add(key);
        return $"<p>{_nonce}-{_keys.Count - 1}</p>\n";
    }

    public string Fill(string html, Func<string, string>? formHtml)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            var form = formHtml?.Invoke(_keys[i]) ?? FormDirectiveRenderer.Placeholder(_keys[i]);
            html = html.Replace($"<p>{_nonce}-{i}</p>", form.TrimEnd('\n'), StringComparison.Ordinal);
        }
        for (var i = _kept.Count - 1; i >= 0; i--) // from the last, so "i1" is not taken for the start of "i10"
            html = html.Replace($"{_nonce}i{i}", _kept[i], StringComparison.Ordinal);
        return html;
    }
}
