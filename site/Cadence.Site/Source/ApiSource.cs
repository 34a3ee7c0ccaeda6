using System.Text.RegularExpressions;
using Cadence.Markdown;

namespace Cadence.Site.Source;

/// <summary>Fetches a whole site from the delivery API: settings, every published post with its body, and the rest.</summary>
public static partial class ApiSource
{
    private const int PageSize = 100;
    private const int ParallelPages = 4;

    public static async Task<SourceContent> LoadAsync(DeliveryApiClient api, CancellationToken ct)
    {
        var siteTask = api.GetJsonAsync("api/v1/site", ApiJson.Default.ApiSite, ct);
        var tagsTask = api.GetJsonAsync("api/v1/tags", ApiJson.Default.ApiListApiTerm, ct);
        var categoriesTask = api.GetJsonAsync("api/v1/categories", ApiJson.Default.ApiListApiTerm, ct);
        var authorsTask = api.GetJsonAsync("api/v1/authors", ApiJson.Default.ApiListApiAuthor, ct);
        var formsTask = api.GetJsonAsync("api/v1/forms", ApiJson.Default.ApiListApiForm, ct);
        var redirectsTask = api.GetJsonAsync("api/v1/redirects", ApiJson.Default.ApiListApiRedirect, ct);
        var posts = await LoadPostsAsync(api, ct);
        await Task.WhenAll(siteTask, tagsTask, categoriesTask, authorsTask, formsTask, redirectsTask);

        var content = new SourceContent(
            siteTask.Result, posts, tagsTask.Result.Items, categoriesTask.Result.Items, authorsTask.Result.Items,
            formsTask.Result.Items, redirectsTask.Result.Items, []);
        ApiContentCheck.Validate(content);
        return content with { Media = ReferencedMedia(content, api) };
    }

    /// <summary>Every published post, following pagination; pages after the first are fetched a few at a time.</summary>
    private static async Task<IReadOnlyList<ApiPost>> LoadPostsAsync(DeliveryApiClient api, CancellationToken ct)
    {
        var first = await api.GetJsonAsync(PostsPath(1), ApiJson.Default.ApiPostPage, ct);
        var pages = new ApiPostPage[Math.Max(1, first.Pagination.Pages)];
        pages[0] = first;
        await Parallel.ForEachAsync(Enumerable.Range(2, pages.Length - 1),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPages, CancellationToken = ct },
            async (page, token) => pages[page - 1] = await api.GetJsonAsync(PostsPath(page), ApiJson.Default.ApiPostPage, token));

        var posts = new List<ApiPost>(first.Pagination.Total);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var post in page.Items)
                if (seen.Add(post.Slug)) posts.Add(post); // a post published mid-fetch can shift a page boundary
        return posts;
    }

    /// <summary>The CMS's current change cursor, kept in the build manifest; null when the CMS has no changes feed.</summary>
    public static async Task<string?> ChangesCursorAsync(DeliveryApiClient api, CancellationToken ct)
    {
        var changes = await api.GetJsonOrNullAsync("api/v1/changes", ApiJson.Default.ApiChanges, ct);
        return changes?.Cursor;
    }

    private static string PostsPath(int page) => $"api/v1/posts?include=body&limit={PageSize}&page={page}";

    /// <summary>The media files posts and authors point at, to be downloaded into the output's media/ folder.</summary>
    private static List<MediaFile> ReferencedMedia(SourceContent content, DeliveryApiClient api)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string? url)
        {
            if (url is null) return;
            var match = MediaUrl().Match(url);
            if (match.Success && match.Index == 0 || match.Success && url.StartsWith(content.Site.CmsUrl, StringComparison.Ordinal))
                names.Add(match.Groups["file"].Value);
        }
        foreach (var post in content.Posts)
        {
            Add(post.Image?.Url);
            Add(post.Seo?.SocialImage);
            Add(post.Author?.Avatar);
            foreach (Match m in MediaUrl().Matches(post.Body ?? "")) names.Add(m.Groups["file"].Value);
        }
        foreach (var author in content.Authors) Add(author.Avatar);

        return names.Select(name => new MediaFile("/media/" + name, async ct =>
            await api.GetBytesOrNullAsync("media/" + Uri.EscapeDataString(name), ct)
            ?? throw new SourceException($"The CMS has no media file '{name}' that the content refers to."))).ToList();
    }

    [GeneratedRegex(@"/media/(?<file>[A-Za-z0-9][A-Za-z0-9._-]*)")]
    private static partial Regex MediaUrl();
}

/// <summary>Refuses API answers the site cannot safely turn into paths and pages.</summary>
public static class ApiContentCheck
{
    public static void Validate(SourceContent content)
    {
        if (string.IsNullOrWhiteSpace(content.Site.Title)) throw Unexpected("/api/v1/site has no title");
        foreach (var post in content.Posts)
        {
            if (!Slug.IsValid(post.Slug)) throw Unexpected($"post slug '{post.Slug}' is not a slug");
            if (post.PublishedAt is null) throw Unexpected($"published post '{post.Slug}' has no publishedAt");
            if (post.Body is null) throw Unexpected($"post '{post.Slug}' came without its body");
            foreach (var tag in post.Tags) CheckSlug(tag.Slug, "tag");
            if (post.Category is not null) CheckSlug(post.Category.Slug, "category");
            if (post.Author is not null) CheckSlug(post.Author.Slug, "author");
        }
        foreach (var form in content.Forms) CheckSlug(form.Key, "form key");
        foreach (var redirect in content.Redirects)
        {
            CheckSlug(redirect.From, "redirect");
            CheckSlug(redirect.To, "redirect");
        }
    }

    private static void CheckSlug(string slug, string what)
    {
        if (!Slug.IsValid(slug)) throw Unexpected($"{what} '{slug}' is not a slug");
    }

    private static SourceException Unexpected(string what) => new($"The CMS answered something unexpected: {what}.");
}
