using Cadence.Contract;

namespace Cadence.Markdown.Folder;

/// <summary>
/// A page file: the post file format (<see cref="PostFileFormat"/>) without the fields a page does not have. A file
/// that names tags, a category, an author or an image, or asks for one of the site's own addresses, is refused.
/// </summary>
public static class PageFileFormat
{
    public static PageFile Parse(string path, string text)
    {
        var post = PostFileFormat.Parse(path, text);
        if (post.Tags.Count > 0 || post.Category is not null || post.Author is not null || post.Image is not null)
            throw new ContentFormatException($"{path}: a page has no tags, category, author or image; remove them or make it a post.");
        if (PageAddresses.IsReserved(post.Slug))
            throw new ContentFormatException($"{path}: the site uses /{post.Slug}/ itself; give the page another slug.");
        return new PageFile(post.Title, post.Slug, post.Date, post.Status, post.Excerpt, post.SeoTitle, post.SeoDescription, post.Body)
        {
            ReviewedBy = post.ReviewedBy, LastReviewed = post.LastReviewed,
        };
    }

    public static string Write(PageFile page)
    {
        var asPost = new PostFile(
            page.Title, page.Slug, page.Date, page.Status, page.Excerpt, [], null, null, null, null, page.SeoTitle, page.SeoDescription,
            null, null, page.Body)
        {
            ReviewedBy = page.ReviewedBy,
            LastReviewed = page.LastReviewed,
        };
        return PostFileFormat.Write(asPost);
    }
}
