using System.IO.Hashing;
using System.Reflection;

namespace Cadence.Site.Write;

/// <summary>
/// The theme's stylesheet and script, named by a hash of their content (<c>/assets/site.3f2a9c1b.css</c>)
/// so a host can cache them forever and a changed file gets a new name.
/// </summary>
public sealed class ThemeAssets
{
    private ThemeAssets(byte[] css, byte[] js)
    {
        Css = css;
        Js = js;
        CssUrl = $"/assets/site.{Fingerprint(css)}.css";
        JsUrl = $"/assets/site.{Fingerprint(js)}.js";
    }

    public byte[] Css { get; }
    public byte[] Js { get; }
    public string CssUrl { get; }
    public string JsUrl { get; }

    public static ThemeAssets Load() => new(Resource("theme/site.css"), Resource("theme/site.js"));

    public void WriteTo(OutputWriter writer)
    {
        writer.Write(CssUrl[1..], Css);
        writer.Write(JsUrl[1..], Js);
    }

    private static string Fingerprint(byte[] content) => Convert.ToHexStringLower(XxHash32.Hash(content));

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The theme resource {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
