using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Cadence.Cms.Forms;

/// <summary>
/// The few plain pages readers may see on the CMS itself (a form problem without script, download and newsletter
/// pages). Everything is encoded; the CMS's content security policy allows no inline script or style.
/// </summary>
public static class ReaderPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Render(int status, string title, string message, IEnumerable<string>? items = null,
        string? backUrl = null, string backLabel = "Go back to the form", string? postButton = null)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Append(CultureInfo.InvariantCulture, $"<meta name=\"robots\" content=\"noindex\"><title>{Html.Encode(title)}</title></head>\n<body><main>\n");
        page.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Encode(title)}</h1>\n<p>{Html.Encode(message)}</p>\n");
        var list = items?.ToList() ?? [];
        if (list.Count > 0)
        {
            page.Append("<ul>\n");
            foreach (var item in list) page.Append(CultureInfo.InvariantCulture, $"<li>{Html.Encode(item)}</li>\n");
            page.Append("</ul>\n");
        }
        if (postButton is not null) page.Append(CultureInfo.InvariantCulture, $"<form method=\"post\"><button type=\"submit\">{Html.Encode(postButton)}</button></form>\n");
        if (backUrl is not null) page.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Html.Encode(backUrl)}\">{Html.Encode(backLabel)}</a></p>\n");
        page.Append("</main></body></html>\n");
        return TypedResults.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
