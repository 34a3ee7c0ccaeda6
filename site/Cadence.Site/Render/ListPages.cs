using Cadence.Site.Keys;
using Cadence.Site.Model;
using Cadence.Site.Render.Theme;

namespace Cadence.Site.Render;

/// <summary>
/// Every page that is not a post: paginated lists (home, tags, categories, authors), indexes, archive,
/// search, 404, thank-you pages and redirect stubs. Lists are slices of the already sorted post cards.
/// </summary>
/// <param name="keys">The posts' keys of this build, which the cards' keys are made with (made here when null).</param>
public sealed class ListPages(SiteModel model, PageContext context, IReadOnlyList<PostCard> cards, PostKeys? keys = null)
{
    public const int PostsPerPage = 10;

    public List<PageJob> All()
    {
        var settings = model.Settings;
        var lists = new List<(string Url, string Heading, string? Intro, IReadOnlyList<Post> Posts, bool IsHome)>
        {
            (Urls.Home, settings.Title, settings.Description, FeaturedFirst(model.Posts), true),
        };
        foreach (var tag in model.Tags) lists.Add((tag.Url, $"Posts tagged “{tag.Name}”", null, tag.Posts, false));
        foreach (var category in model.Categories) lists.Add((category.Url, category.Name, $"Posts in {category.Name}.", category.Posts, false));
        foreach (var author in model.Authors)
            lists.Add((author.Url, author.ReviewsOnly ? $"Reviewed by {author.Name}" : $"Posts by {author.Name}", JoinIntro(author.Credentials, author.Description), author.Posts, false));
        var listed = new ListedPost[cards.Count];
        Parallel.For(0, cards.Count, i => listed[i] = ListedPost.Of(cards[i]));
        var cardKeys = (keys ?? new PostKeys(model)).Cards(listed);
        // Each list's pages (and their input keys) are made in parallel: with a build cache this is most of what an
        // incremental build does for the lists.
        var pagesOfList = new List<PageJob>[lists.Count];
        Parallel.For(0, lists.Count, i =>
        {
            var (url, heading, intro, posts, isHome) = lists[i];
            AddList(pagesOfList[i] = [], listed, cardKeys, url, heading, intro, posts, isHome);
        });
        var jobs = new List<PageJob>(pagesOfList.Sum(pages => pages.Count) + model.Years.Count + model.Redirects.Count + 8);
        foreach (var pages in pagesOfList) jobs.AddRange(pages);

        jobs.Add(PageJob.For<GroupIndexPage, GroupIndexInput>(Urls.TagIndex, context,
            Shared(new PageHead($"Tags | {settings.Title}", $"Every topic on {settings.Title}.", Urls.TagIndex)),
            new GroupIndexInput("Tags", model.Tags.Select(t => new GroupLink(t.Url, t.Name, t.Posts.Count)).ToArray()),
            PageInputJson.Default.GroupIndexInput));
        var years = model.Years.Select(y => new YearLink(y.Year, y.Url, y.Posts.Count)).ToArray();
        jobs.Add(PageJob.For<ArchivePage, ArchiveInput>(Urls.Archive, context,
            Shared(new PageHead($"Archive | {settings.Title}", $"Every post on {settings.Title}, by year.", Urls.Archive)),
            new ArchiveInput("Archive", years, null, []), PageInputJson.Default.ArchiveInput));
        foreach (var year in model.Years)
        {
            jobs.Add(PageJob.For<ArchivePage, ArchiveInput>(year.Url, context,
                Shared(new PageHead($"{year.Year} | {settings.Title}", $"Posts from {year.Year}.", year.Url)),
                new ArchiveInput($"Posts from {year.Year}", years, year.Year, year.Posts.Select(PostLink.Of).ToArray()),
                PageInputJson.Default.ArchiveInput));
        }
        jobs.Add(PageJob.For<SearchPage>(Urls.Search, context, Shared(new PageHead($"Search | {settings.Title}", $"Search {settings.Title}.", Urls.Search))));
        jobs.Add(PageJob.For<MessagePage, MessageInput>("/404.html", context,
            Shared(new PageHead($"Page not found | {settings.Title}", "This page does not exist.", "/404.html", Robots: "noindex")),
            new MessageInput("Page not found", "Sorry, there is no page at this address. It may have moved."), PageInputJson.Default.MessageInput));

        foreach (var form in model.FormList)
        {
            var path = ThankYouUrl(form.ThankYouPath);
            if (path is null) continue;
            // A download form's reader lands on the CMS's page carrying the link (a static page cannot read it from
            // its address without script), so this page only meets those who come back to it later.
            var message = form.HasAsset ? "Thank you. Your download link is in the email we sent you." : form.SuccessMessage;
            jobs.Add(PageJob.For<MessagePage, MessageInput>(path, context,
                Shared(new PageHead($"{form.Title} | {settings.Title}", message, path, Robots: "noindex")),
                new MessageInput("Thank you", message), PageInputJson.Default.MessageInput));
        }

        foreach (var redirect in model.Redirects)
        {
            var target = redirect.ToPath;
            jobs.Add(PageJob.Redirect(redirect.FromPath, new RedirectInput(target, settings.Absolute(target), settings.Language.Tag)));
        }
        return jobs;
    }

    /// <summary>
    /// A page without an image of its own is shared with the site's: the newest post's cover. It is part of the
    /// page's head, so the page's key changes with it.
    /// </summary>
    private PageHead Shared(PageHead head)
    {
        if (head.Image is not null || _cover is null) return head;
        return head with { Image = _cover.Url, ImageAlt = _cover.Alt, ImageWidth = _cover.Width, ImageHeight = _cover.Height };
    }

    // Found once: with no cover on any post, each of thousands of list pages would otherwise walk every post.
    private readonly FeaturedImage? _cover = model.Posts.FirstOrDefault(p => p.Image is not null)?.Image;

    /// <summary>
    /// The home page's order: the newest featured post first, in the featured card, then every other post newest first.
    /// With none featured, the newest post leads as before.
    /// </summary>
    public static IReadOnlyList<Post> FeaturedFirst(IReadOnlyList<Post> posts)
    {
        var featured = posts.FirstOrDefault(p => p.Featured); // posts are newest first
        if (featured is null || featured.Index == 0) return posts;
        var ordered = new List<Post>(posts.Count) { featured };
        ordered.AddRange(posts.Where(p => !ReferenceEquals(p, featured)));
        return ordered;
    }

    /// <summary>An author page's intro: their credentials, then their bio.</summary>
    private static string? JoinIntro(string? credentials, string? bio) => (credentials, bio) switch
    {
        (null, _) => bio,
        (_, null) => credentials + ".",
        _ => $"{credentials}. {bio}",
    };

    /// <summary>A thank-you path as a clean URL inside the site, or null when it is not one.</summary>
    public static string? ThankYouUrl(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\'))
            return null;
        var url = path.Split('?', '#')[0];
        return url.EndsWith('/') ? url : url + "/";
    }

    private void AddList(List<PageJob> jobs, ListedPost[] listed, Hash128[] cardKeys, string listUrl, string heading, string? intro, IReadOnlyList<Post> posts, bool isHome)
    {
        var settings = model.Settings;
        var pages = Math.Max(1, (posts.Count + PostsPerPage - 1) / PostsPerPage);
        for (var page = 1; page <= pages; page++)
        {
            var url = Urls.Page(listUrl, page);
            var first = (page - 1) * PostsPerPage;
            var slice = new ListedPost[Math.Min(PostsPerPage, posts.Count - first)];
            for (var i = 0; i < slice.Length; i++) slice[i] = listed[posts[first + i].Index];
            var title = isHome ? settings.Title : $"{heading} | {settings.Title}";
            if (page > 1) title = $"{(isHome ? "Older posts" : heading)}, page {page} | {settings.Title}";
            var input = new ListPageInput(
                isHome ? (page == 1 ? "Latest posts" : $"Older posts, page {page}") : heading,
                page == 1 ? intro : null,
                listUrl, page, pages, slice,
                Featured: isHome && page == 1, Newsletter: isHome ? model.Newsletter : null);
            // Each list says what it holds; only the home page speaks for the whole site.
            var head = new PageHead(title, intro ?? $"{heading} on {settings.Title}.", url,
                JsonLd: isHome && page == 1 ? StructuredData.Home(settings) : null);
            // The cards stand for themselves by their keys, made once per post however many lists show it.
            var key = new InputKey().Add(RecordKey.Of(input with { Cards = [] }, PageInputJson.Default.ListPageInput)).Add(slice.Length);
            for (var i = 0; i < slice.Length; i++) key.Add(cardKeys[posts[first + i].Index]);
            jobs.Add(PageJob.For<ListPage, ListPageInput>(url, context, Shared(head), input, key.Value));
        }
    }
}
