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
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Sanitise(string html) => Sanitizer.Sanitize(html);

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return true;
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // a relative path that happens to contain a colon
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
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
