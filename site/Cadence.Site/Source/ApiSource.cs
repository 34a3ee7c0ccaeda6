using System.Collections.Concurrent;
using System.Text.Json;
using Cadence.Markdown;
using Cadence.Site.Keys;

namespace Cadence.Site.Source;

/// <summary>Fetches a whole site from the delivery API: settings, every published post with its body, and the rest.</summary>
public static class ApiSource
{
    private const int PageSize = 100;
    private const int ParallelPages = 4;

    /// <summary>Everything, with every published post's body.</summary>
    public static async Task<SourceContent> LoadAsync(DeliveryApiClient api, CancellationToken ct)
    {
        var meta = await LoadMetaAsync(api, ct);
        return Complete(meta with { Posts = await LoadPostsAsync(api, ct) }, api, []);
    }

    /// <summary>
    /// Settings, terms, authors, forms and redirects (small documents, always fetched), then only the posts the
    /// changes feed names; the rest come from the cache without their bodies. A post that has gone (unpublished,
    /// deleted, renamed) is left out. Null when the cache does not fit the site inputs: a full fetch is due.
    /// </summary>
    public static async Task<SourceContent?> LoadChangesAsync(DeliveryApiClient api, ApiChanges changes, Func<Hash128, KnownContent?> knownFor, CancellationToken ct)
    {
        var meta = await LoadMetaAsync(api, ct);
        var last = knownFor(meta.SiteKey);
        if (last is null) return null;
        var fetched = new ConcurrentBag<ApiPost>();
        await Parallel.ForEachAsync(changes.Changed, new ParallelOptions { MaxDegreeOfParallelism = ParallelPages, CancellationToken = ct },
            async (slug, token) =>
            {
                if (!Slug.IsValid(slug)) throw new SourceException($"The CMS answered something unexpected: changed slug '{slug}' is not a slug.");
                var post = await api.GetJsonOrNullAsync($"api/v1/posts/{slug}", ApiJson.Default.ApiPost, token);
                if (post is not null && post.Status == "published") fetched.Add(post);
            });
        var gone = new HashSet<string>(changes.Deleted.Concat(changes.Changed), StringComparer.Ordinal);
        var reused = last.Posts.Values.Where(p => !gone.Contains(p.Post.Slug)).ToDictionary(p => p.Post.Slug, StringComparer.Ordinal);
        var posts = reused.Values.Select(p => p.Post).Concat(fetched).ToList();
        return Complete(meta with { Posts = posts, Reused = reused }, api, reused.Values.SelectMany(p => p.Media)) with
        {
            LoadBody = slug => api.GetJsonAsync($"api/v1/posts/{slug}", ApiJson.Default.ApiPost, CancellationToken.None).GetAwaiter().GetResult().Body
                ?? throw new SourceException($"The CMS answered something unexpected: post '{slug}' came without its body."),
            MediaUnchanged = true,
        };
    }

    private static async Task<SourceContent> LoadMetaAsync(DeliveryApiClient api, CancellationToken ct)
    {
        var siteTask = api.GetJsonAsync("api/v1/site", ApiJson.Default.ApiSite, ct);
        var tagsTask = api.GetJsonAsync("api/v1/tags", ApiJson.Default.ApiListApiTerm, ct);
        var categoriesTask = api.GetJsonAsync("api/v1/categories", ApiJson.Default.ApiListApiTerm, ct);
        var authorsTask = api.GetJsonAsync("api/v1/authors", ApiJson.Default.ApiListApiAuthor, ct);
        var formsTask = api.GetJsonAsync("api/v1/forms", ApiJson.Default.ApiListApiForm, ct);
        var redirectsTask = api.GetJsonAsync("api/v1/redirects", ApiJson.Default.ApiListApiRedirect, ct);
        var pagesTask = LoadPagesAsync(api, ct);
        var imagesTask = api.GetJsonOrNullAsync("api/v1/images", ApiJson.Default.ApiListApiMediaImage, ct); // absent from older CMSes
        await Task.WhenAll(siteTask, tagsTask, categoriesTask, authorsTask, formsTask, redirectsTask, pagesTask, imagesTask);
        var images = imagesTask.Result?.Items ?? [];
        var content = new SourceContent(
            siteTask.Result, [], tagsTask.Result.Items, categoriesTask.Result.Items, authorsTask.Result.Items,
            formsTask.Result.Items, redirectsTask.Result.Items, [])
        {
            Pages = pagesTask.Result,
            Images = images.Where(i => i.Variants.Count > 0).ToDictionary(i => i.Url, i => i.Variants, StringComparer.Ordinal),
        };
        // Post counts change with every publish and no page shows them, so they are not part of the key.
        var key = new InputKey()
            .Add(JsonSerializer.Serialize(content.Site, ApiJson.Default.ApiSite))
            .Add(JsonSerializer.Serialize(new ApiList<ApiTerm>(content.Tags.Select(t => t with { PostCount = 0 }).ToList()), ApiJson.Default.ApiListApiTerm))
            .Add(JsonSerializer.Serialize(new ApiList<ApiTerm>(content.Categories.Select(t => t with { PostCount = 0 }).ToList()), ApiJson.Default.ApiListApiTerm))
            .Add(JsonSerializer.Serialize(new ApiList<ApiAuthor>(content.Authors.Select(a => a with { PostCount = 0 }).ToList()), ApiJson.Default.ApiListApiAuthor))
            .Add(JsonSerializer.Serialize(new ApiList<ApiForm>(content.Forms), ApiJson.Default.ApiListApiForm))
            // Variants change every page that shows their image (bodies are not keyed by the images in them).
            .Add(JsonSerializer.Serialize(new ApiList<ApiMediaImage>(images), ApiJson.Default.ApiListApiMediaImage));
        SourcePages.AddAddresses(key, content.Pages);
        return content with { SiteKey = key.Value };
    }

    /// <summary>Every published page with its body (endpoints of CMSes without pages answer 404: no pages).</summary>
    private static async Task<IReadOnlyList<ApiPage>> LoadPagesAsync(DeliveryApiClient api, CancellationToken ct)
    {
        var pages = new List<ApiPage>();
        for (var page = 1; ; page++)
        {
            var answer = await api.GetJsonOrNullAsync($"api/v1/pages?include=body&limit={PageSize}&page={page}", ApiJson.Default.ApiPageList, ct);
            if (answer is null) return pages;
            pages.AddRange(answer.Items.Where(p => pages.All(known => known.Slug != p.Slug)));
            if (answer.Pagination.Next is null) return pages;
        }
    }

    private static SourceContent Complete(SourceContent content, DeliveryApiClient api, IEnumerable<string> knownMedia)
    {
        ApiContentCheck.Validate(content);
        return content with { Media = ReferencedMedia(content, api, knownMedia) };
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

    /// <summary>
    /// What changed since <paramref name="cursor"/> (everything when it is null), with the cursor to keep in the
    /// manifest; null when the CMS has no changes feed. A cursor the CMS no longer knows gives a full answer.
    /// </summary>
    public static async Task<ApiChanges?> ChangesAsync(DeliveryApiClient api, string? cursor, CancellationToken ct, int pageSize = ChangesPages.DefaultSize)
    {
        if (cursor is not null)
        {
            try
            {
                return await ChangesPages.ReadAsync(api, cursor, pageSize, ct);
            }
            catch (SourceException e) when (e.Message.Contains(" 400 ", StringComparison.Ordinal))
            {
                // A reset CMS: its cursors start again. Fall through to a full answer.
            }
        }
        var all = await ChangesPages.ReadAsync(api, null, pageSize, ct);
        return all is null ? null : all with { SiteChanged = true };
    }

    private static string PostsPath(int page) => $"api/v1/posts?include=body&limit={PageSize}&page={page}";

    /// <summary>The media files the published site shows, to be downloaded into the output's media/ folder.</summary>
    private static List<MediaFile> ReferencedMedia(SourceContent content, DeliveryApiClient api, IEnumerable<string> knownMedia)
    {
        var names = MediaReferences.OfSite(content, knownMedia); // the reused posts' media are in knownMedia
        var variants = names.SelectMany(name => content.Images.GetValueOrDefault("/media/" + name) ?? []).Select(v => v.Url).Distinct(StringComparer.Ordinal);
        return names.Select(name => "/media/" + name).Concat(variants).Select(url => new MediaFile(url, async ct =>
            await api.GetBytesOrNullAsync(url.TrimStart('/'), ct)
            ?? throw new SourceException($"The CMS has no media file '{url}' that the content refers to."))).ToList();
    }
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
            if (post.Body is null && !content.Reused.ContainsKey(post.Slug)) throw Unexpected($"post '{post.Slug}' came without its body");
            foreach (var tag in post.Tags) CheckSlug(tag.Slug, "tag");
            if (post.Category is not null) CheckSlug(post.Category.Slug, "category");
            if (post.Author is not null) CheckSlug(post.Author.Slug, "author");
        }
        foreach (var form in content.Forms) CheckSlug(form.Key, "form key");
        foreach (var page in content.Pages)
        {
            CheckSlug(page.Slug, "page slug");
            if (Cadence.Contract.PageAddresses.IsReserved(page.Slug)) throw Unexpected($"page slug '{page.Slug}' is one of the site's own addresses");
            if (page.Body is null) throw Unexpected($"page '{page.Slug}' came without its body");
        }
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
