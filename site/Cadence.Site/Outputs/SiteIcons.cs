using System.Text.Json;
using Cadence.Images;
using Cadence.Site.Model;

namespace Cadence.Site.Outputs;

/// <summary>
/// The favicon set and the web manifest. The icons are made by the shared <see cref="IconSet"/> from the site's icon
/// image (the logo unless another was chosen) or, with none, from the clinic's initial on its theme colour, and kept in
/// the image cache, so a build encodes them only when that image changes.
/// </summary>
public static class SiteIcons
{
    /// <summary>The manifest's icons: the sizes Android and install prompts ask for.</summary>
    private static readonly int[] ManifestSizes = [192, 512];

    /// <summary>The files to write (output path, bytes). An icon image libvips cannot read falls back to the initial.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(byte[]? source, SiteSettings settings, string cacheRoot)
    {
        var cache = VariantCache.Icons(cacheRoot);
        IReadOnlyList<CachedVariant> icons;
        try
        {
            icons = source is null ? Default(cache, settings) : cache.For(source);
        }
        catch (ImageException)
        {
            icons = Default(cache, settings);
        }
        var files = new List<(string, byte[])>();
        foreach (var icon in icons) files.Add((PathOf(icon.Info.FileName), File.ReadAllBytes(icon.Path)));
        files.Add((Urls.WebManifest.TrimStart('/'), Manifest(settings)));
        return files;
    }

    /// <summary>The initial's icons, drawn (fonts and all) only when the cache has none for these settings.</summary>
    private static IReadOnlyList<CachedVariant> Default(VariantCache cache, SiteSettings settings) =>
        cache.For(DefaultIcon.Key(settings.Name, settings.ThemeColour), () => DefaultIcon.Make(settings.Name, settings.ThemeColour));

    /// <summary>
    /// The icons' output paths, as <see cref="Files"/> writes them (the web manifest aside). The icons are made from
    /// the site's settings and icon image alone, so an output built with the same ones holds them already; keeping
    /// them by these names spares a build making the default icon again (libvips, fonts and all) to find them unchanged.
    /// </summary>
    public static IEnumerable<string> IconPaths() =>
        IconSet.Sizes.Select(size => $"icon-{size}.png").Append("favicon.ico").Select(PathOf);

    private static string PathOf(string iconFileName) => (iconFileName switch
    {
        "favicon.ico" => Urls.Favicon,
        "icon-180.png" => Urls.AppleTouchIcon,
        _ => "/" + iconFileName,
    }).TrimStart('/');

    /// <summary>site.webmanifest: what a phone shows when the site is added to its home screen.</summary>
    public static byte[] Manifest(SiteSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", settings.Title == settings.Name || string.IsNullOrEmpty(settings.Title) ? settings.Name : $"{settings.Title} · {settings.Name}");
            json.WriteString("short_name", ShortName(settings));
            if (settings.Description.Length > 0) json.WriteString("description", settings.Description);
            json.WriteString("lang", settings.Language.Tag);
            json.WriteString("start_url", Urls.Home);
            json.WriteString("display", "browser");
            json.WriteString("theme_color", settings.ThemeColour);
            json.WriteString("background_color", "#ffffff");
            json.WriteStartArray("icons");
            foreach (var size in ManifestSizes)
            {
                json.WriteStartObject();
                json.WriteString("src", Urls.Icon(size));
                json.WriteString("sizes", $"{size}x{size}");
                json.WriteString("type", "image/png");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A home screen shows about 12 characters under an icon: the site's title when it fits, else the clinic's first word.</summary>
    private static string ShortName(SiteSettings settings)
    {
        var title = string.IsNullOrEmpty(settings.Title) ? settings.Name : settings.Title;
        return title.Length <= 12 ? title : settings.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? title;
    }
}
