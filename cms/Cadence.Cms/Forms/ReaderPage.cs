using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Cadence.Cms.Forms;

/// <summary>Who a reader page speaks for: the clinic's name, linking to its website when one is set.</summary>
public sealed record ReaderBrand(string ClinicName, string? SiteUrl)
{
    public static ReaderBrand Of(FormsSnapshot snapshot) => new(snapshot.ClinicName, snapshot.SiteBase?.AbsoluteUri);
}

/// <summary>A prominent link on a reader page, such as the file a download form promised.</summary>
public sealed record ReaderAction(string Url, string Label, string? Note = null);

/// <summary>
/// The few plain pages readers may see on the CMS itself (a form problem without script, download and newsletter
/// pages). Everything is encoded; the CMS's content security policy allows no inline script or style, so the look
/// comes from one small stylesheet in wwwroot/reader.
/// </summary>
public static class ReaderPage
{
    // Not under /forms: the submission route would answer a GET there with 405 before static files are tried.
    public const string StylesheetPath = "/reader/reader.css";
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Render(int status, string title, string message, IEnumerable<string>? items = null,
        string? backUrl = null, string backLabel = "Go back to the form", string? postButton = null,
        ReaderBrand? brand = null, ReaderAction? action = null)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        var fullTitle = brand is null ? title : $"{title} | {brand.ClinicName}";
        page.Append(CultureInfo.InvariantCulture, $"<meta name=\"robots\" content=\"noindex\"><title>{Html.Encode(fullTitle)}</title>");
        page.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{StylesheetPath}\"></head>\n<body>\n");
        if (brand is not null)
        {
            var name = Html.Encode(brand.ClinicName);
            page.Append(brand.SiteUrl is null
                ? $"<header><p class=\"brand\">{name}</p></header>\n"
                : $"<header><p class=\"brand\"><a href=\"{Html.Encode(brand.SiteUrl)}\">{name}</a></p></header>\n");
        }
        page.Append(CultureInfo.InvariantCulture, $"<main>\n<h1>{Html.Encode(title)}</h1>\n<p>{Html.Encode(message)}</p>\n");
        if (action is not null)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p><a class=\"action\" href=\"{Html.Encode(action.Url)}\">{Html.Encode(action.Label)}</a></p>\n");
            if (action.Note is not null) page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Html.Encode(action.Note)}</p>\n");
        }
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
