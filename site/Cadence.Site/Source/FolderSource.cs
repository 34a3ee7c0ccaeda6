using Cadence.Markdown;
using Cadence.Markdown.Folder;

namespace Cadence.Site.Source;

/// <summary>Reads a content folder (the format the CMS imports and exports) into the API's shapes, with no CMS.</summary>
public static class FolderSource
{
    public static SourceContent Load(string root, string cmsUrl)
    {
        ContentFolder folder;
        try
        {
            folder = ContentFolderReader.Load(root);
        }
        catch (ContentFormatException e)
        {
            throw new SourceException(e.Message, e);
        }

        var site = folder.Site;
        var apiSite = new ApiSite(
            site?.ClinicName ?? "", site?.Title ?? "Blog", site?.Description ?? "", site?.BaseUrl ?? "", cmsUrl,
            site?.TimeZone ?? "UTC",
            site?.Navigation.Select(l => new ApiLink(l.Label, l.Url)).ToList() ?? [new ApiLink("Home", "/")],
            site?.Social.Select(l => new ApiLink(l.Label, l.Url)).ToList() ?? []);

        var media = folder.Files.Where(f => f.IsPublic).ToDictionary(f => f.Url, StringComparer.Ordinal);
        var authors = new Dictionary<string, ApiAuthor>(StringComparer.Ordinal);
        foreach (var a in folder.Authors) authors[a.Slug] = new ApiAuthor(a.Slug, a.Name, a.Bio, a.Avatar);
        var authorsByName = folder.Authors.ToDictionary(a => a.Name, a => a.Slug, StringComparer.OrdinalIgnoreCase);

        var posts = new List<ApiPost>(folder.Posts.Count);
        foreach (var post in folder.Posts)
        {
            if (post.Status != PostFile.Published) continue;
            if (post.Date is null) throw new SourceException($"{root}/posts: published post '{post.Slug}' needs a date.");
            posts.Add(new ApiPost(
                post.Slug, post.Title, post.Excerpt, post.Status, post.Date, post.Date, null, null, post.Body,
                post.Tags.Select(Term).ToArray(), post.Category is null ? null : Term(post.Category),
                AuthorOf(post.Author), ImageOf(post, media), Seo(post), null));
        }

        return new SourceContent(
            apiSite, posts, [], [], authors.Values.OrderBy(a => a.Slug, StringComparer.Ordinal).ToList(),
            folder.Forms.Select(ToForm).ToList(), [],
            media.Values.Select(f => new MediaFile(f.Url, ct => File.ReadAllBytesAsync(f.FullPath, ct))).ToList());

        ApiAuthor? AuthorOf(string? reference)
        {
            if (reference is null) return null;
            if (authors.TryGetValue(reference, out var known)) return known;
            if (authorsByName.TryGetValue(reference, out var slug)) return authors[slug];
            var created = new ApiAuthor(Slug.From(reference), reference, null, null);
            authors[created.Slug] = created;
            return created;
        }
    }

    private static ApiTerm Term(string name) => new(Slug.From(name), name);

    private static ApiImage? ImageOf(PostFile post, Dictionary<string, BinaryFile> media)
    {
        if (post.Image is null) return null;
        var size = media.TryGetValue(post.Image, out var file) ? ImageSize.Read(file.FullPath) : null;
        return new ApiImage(post.Image, post.ImageAlt, size?.Width, size?.Height);
    }

    private static ApiSeo? Seo(PostFile post) =>
        post.SeoTitle is null && post.SeoDescription is null && post.SocialImage is null && post.CanonicalUrl is null
            ? null
            : new ApiSeo(post.SeoTitle, post.SeoDescription, post.SocialImage, post.CanonicalUrl);

    private static ApiForm ToForm(FormFile form) => new(
        form.Key, form.Title, form.Intro, form.SubmitLabel, form.SuccessMessage, form.ThankYouPath, form.Asset is not null,
        form.Fields.Select(f => new ApiFormField(f.Name, f.Type, f.Label, f.Required, f.MaxLength, f.Options)).ToList());
}
