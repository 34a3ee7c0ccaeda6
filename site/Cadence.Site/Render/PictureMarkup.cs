using System.Globalization;
using System.Net;
using System.Text;
using Cadence.Site.Source;

namespace Cadence.Site.Render;

/// <summary>
/// An image as a <c>&lt;picture&gt;</c>: AVIF and WebP sources, then an <c>&lt;img&gt;</c> in the fallback format,
/// each with every width in <c>srcset</c>, so a browser fetches the smallest copy its screen needs in the best format
/// it reads. Without variants (an older CMS, or not made yet) the image is written as it is.
/// </summary>
public static class PictureMarkup
{
    /// <summary>The width an image takes in the theme: the text column (44rem less padding), or the screen less padding.</summary>
    public const string Sizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    /// <param name="aboveTheFold">The page's first image (its cover): fetched at once and first, rather than when scrolled to.</param>
    /// <param name="sizes">The width the image takes where it is shown (a card is narrower than the text column).</param>
    public static string Write(string url, string alt, int? width, int? height, IReadOnlyList<ApiImageVariant>? variants, bool aboveTheFold,
        string sizes = Sizes)
    {
        var html = new StringBuilder(512);
        var fallback = variants?.Where(v => v.Type is not ("image/avif" or "image/webp")).ToList() ?? [];
        if (fallback.Count > 0)
        {
            html.Append("<picture>");
            foreach (var type in new[] { "image/avif", "image/webp" })
            {
                var ofType = variants!.Where(v => v.Type == type).ToList();
                if (ofType.Count > 0)
                    html.Append("<source type=\"").Append(type).Append("\" srcset=\"").Append(SrcSet(ofType)).Append("\" sizes=\"").Append(sizes).Append("\">");
            }
            var widest = fallback.MaxBy(v => v.Width)!;
            (url, width, height) = (widest.Url, widest.Width, widest.Height);
            html.Append("<img src=\"").Append(Encode(url)).Append("\" srcset=\"").Append(SrcSet(fallback)).Append("\" sizes=\"").Append(sizes).Append('"');
        }
        else
        {
            html.Append("<img src=\"").Append(Encode(url)).Append('"');
        }
        html.Append(" alt=\"").Append(Encode(alt)).Append('"');
        if (width is { } w && height is { } h) html.Append(CultureInfo.InvariantCulture, $" width=\"{w}\" height=\"{h}\"");
        html.Append(aboveTheFold ? " loading=\"eager\" fetchpriority=\"high\" decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">");
        if (fallback.Count > 0) html.Append("</picture>");
        return html.ToString();
    }

    private static string SrcSet(IEnumerable<ApiImageVariant> variants) =>
        string.Join(", ", variants.OrderBy(v => v.Width).Select(v => Encode(v.Url) + " " + v.Width.ToString(CultureInfo.InvariantCulture) + "w"));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
