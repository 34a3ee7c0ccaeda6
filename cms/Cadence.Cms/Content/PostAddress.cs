using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Content;

/// <summary>
/// Where a post lives on the site, in one place: the delivery API states the path and the editor shows the public
/// address, so neither can drift from the site's own URL scheme (site/Cadence.Site/Model/Urls.cs).
/// </summary>
public sealed class PostAddress(CadenceDb db, IOptions<ManagerOptions> options)
{
    /// <summary>The path the site gives a post.</summary>
    public static string PathOf(string slug) => $"/posts/{slug}/";

    /// <summary>The path the site gives a post or a page (pages live at the top: <c>/{slug}/</c>).</summary>
    public static string PathOf(PostKind kind, string slug) => kind == PostKind.Page ? $"/{slug}/" : PathOf(slug);

    /// <summary>The path of a tag's list of posts on the site.</summary>
    public static string TagPathOf(string slug) => $"/tags/{slug}/";

    /// <summary>The path of an author's page on the site.</summary>
    public static string AuthorPathOf(string slug) => $"/authors/{slug}/";

    /// <summary>
    /// The site's public address without a trailing slash: the Site address setting, else the preview server
    /// (<c>Cadence:Site:PreviewUrl</c>), which serves the same pages; empty when neither is set.
    /// </summary>
    public async Task<string> SiteAsync(CancellationToken cancellationToken = default)
    {
        var baseUrl = await db.Settings.AsNoTracking().Select(s => s.BaseUrl).FirstOrDefaultAsync(cancellationToken);
        return (string.IsNullOrWhiteSpace(baseUrl) ? options.Value.PreviewUrl ?? "" : baseUrl).Trim().TrimEnd('/');
    }

    /// <summary>The post's address as a reader types it; only a path when the site's address is not set.</summary>
    public static string UrlOf(string site, string slug) => site + PathOf(slug);

    /// <summary>The address of a post or a page as a reader types it.</summary>
    public static string UrlOf(string site, PostKind kind, string slug) => site + PathOf(kind, slug);
}
