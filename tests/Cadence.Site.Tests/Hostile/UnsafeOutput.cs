using AngleSharp.Html.Parser;

namespace Cadence.Site.Tests.Hostile;

/// <summary>What must never reach a reader's browser from content: script, handlers, forms that post elsewhere, styles, unsafe addresses.</summary>
public static class UnsafeOutput
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "srcset", "cite", "xlink:href", "content"];

    /// <param name="ownForms">The CMS's address: forms the site itself renders post there.</param>
    /// <param name="allowStyle">The theme's own markup may carry style attributes (icons, colours); content never does.</param>
    public static IReadOnlyList<string> In(string html, string? ownForms = null, bool allowStyle = false)
    {
        var found = new List<string>();
        var document = Parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name is "script" && (element.GetAttribute("type") is not ("application/ld+json" or "application/json") && element.GetAttribute("src") is null))
                found.Add($"<script> with inline code: {Short(element.OuterHtml)}");
            if (name is "iframe" or "object" or "embed" or "frame" or "base" or "applet") found.Add($"<{name}>");
            if (name is "form" && !IsOwnForm(element.GetAttribute("action") ?? "", ownForms))
                found.Add($"<form action={element.GetAttribute("action")}>");
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.Name.ToLowerInvariant();
                if (attr.StartsWith("on", StringComparison.Ordinal)) found.Add($"{attr}= on <{name}>");
                if (attr == "style" && !allowStyle) found.Add($"style= on <{name}>");
                if (UrlAttributes.Contains(attr) && (attr != "content" || name == "meta" && element.GetAttribute("http-equiv") is not null))
                {
                    foreach (var url in attr == "srcset" ? attribute.Value.Split(',').Select(s => s.Trim().Split(' ')[0]) : [attribute.Value])
                    {
                        if (url.Length > 0 && !Cadence.Markdown.SafeUrl.IsAllowed(url)) found.Add($"{attr}=\"{Short(url)}\" on <{name}>");
                    }
                }
            }
        }
        return found;
    }

    // An address attribute, plain or escaped inside a feed's HTML, that starts with a script-running scheme.
    private static readonly System.Text.RegularExpressions.Regex UnsafeAttribute = new(
        "(href|src|action)\\s*=\\s*(&quot;|&#34;|\"|'|\\\\\")?\\s*(javascript|vbscript|data):", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Text outputs (feeds, JSON, sitemaps): no address attribute with a script-running scheme, escaped or not.</summary>
    public static IReadOnlyList<string> InText(string text) =>
        UnsafeAttribute.Matches(text).Select(m => m.Value).Distinct().ToList();

    /// <summary>The site's own forms post to a path on the site (search) or to the CMS; content's forms are removed.</summary>
    private static bool IsOwnForm(string action, string? ownForms) =>
        ownForms is not null && (action.StartsWith(ownForms, StringComparison.Ordinal) || action.StartsWith('/') && !action.StartsWith("//", StringComparison.Ordinal));

    private static string Short(string text) => text.Length > 80 ? text[..80] : text;
}
