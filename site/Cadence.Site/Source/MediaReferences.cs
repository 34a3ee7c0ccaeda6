using System.Text.RegularExpressions;
using Cadence.Contract;

namespace Cadence.Site.Source;

/// <summary>
/// Which media files the published site shows: those its published posts, pages, authors and brand point at. Both
/// sources publish exactly these, so an image only a draft or a scheduled post uses never reaches a build.
/// </summary>
public static partial class MediaReferences
{
    /// <summary>The media files a post shows (featured and social image, author avatar, images in its body).</summary>
    public static List<string> Of(ApiPost post, string cmsUrl)
    {
        var names = new List<string>();
        Add(names, post.Image?.Url, cmsUrl);
        Add(names, post.Seo?.SocialImage, cmsUrl);
        Add(names, post.Author?.Avatar, cmsUrl);
        names.AddRange(InText(post.Body));
        return names;
    }

    /// <summary>The media files a Markdown or HTML text shows.</summary>
    public static List<string> InText(ReadOnlySpan<char> text)
    {
        var names = new List<string>();
        foreach (var match in MediaName().EnumerateMatches(text))
            names.Add(text.Slice(match.Index + Prefix.Length, match.Length - Prefix.Length).ToString());
        return names;
    }

    /// <summary>
    /// Every media file the site shows, by name (<c>knee.png</c>): <paramref name="postMedia"/> for the posts whose
    /// bodies were not read this time, the posts that carry their body, the authors, the logo, the icon and the pages.
    /// </summary>
    public static SortedSet<string> OfSite(SourceContent content, IEnumerable<string> postMedia)
    {
        var cmsUrl = content.Site.CmsUrl;
        var names = new SortedSet<string>(postMedia, StringComparer.Ordinal);
        foreach (var post in content.Posts)
            if (post.Body is not null) names.UnionWith(Of(post, cmsUrl));
        foreach (var author in content.Authors) Add(names, author.Avatar, cmsUrl);
        Add(names, content.Site.Logo?.Url, cmsUrl);
        Add(names, content.Site.Icon, cmsUrl);
        foreach (var page in content.Pages) names.UnionWith(InText(page.Body));
        return names;
    }

    /// <summary>Adds the media file <paramref name="url"/> names, when it is one of this site's (relative or on its CMS).</summary>
    private static void Add(ICollection<string> names, string? url, string cmsUrl)
    {
        if (url is null) return;
        var match = MediaName().Match(url);
        if (match.Success && (match.Index == 0 || url.StartsWith(cmsUrl, StringComparison.Ordinal)))
            names.Add(match.Value[Prefix.Length..]);
    }

    private const string Prefix = "/media/";

    // The prefix is matched, not looked behind: a look-behind makes every letter of a body a candidate start, while a
    // literal prefix is found by a vectorised search (this scan of every post body was 6% of a clean build's CPU).
    [GeneratedRegex(@"/media/[A-Za-z0-9][A-Za-z0-9._-]*")]
    private static partial Regex MediaName();
}
