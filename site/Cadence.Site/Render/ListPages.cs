using System.Diagnostics.CodeAnalysis;
using System.Text;
using Cadence.Site.Build;
using Cadence.Site.Model;
using Cadence.Site.Render.Theme;

namespace Cadence.Site.Render;

/// <summary>A page to render: its URL, how to render it, and a hash of what it shows (the same key, the same page).</summary>
public sealed record PageJob(string Url, Func<ComponentRenderer, StringBuilder> Render, Hash128 Key);

/// <summary>
/// Every page that is not a post: paginated lists (home, tags, categories, authors), indexes, archive,
/// search, 404, thank-you pages and redirect stubs. Lists are slices of the already sorted post cards.
/// </summary>
public sealed class ListPages(SiteModel model, PageContext context, IReadOnlyList<PostCard> cards)
{
    public const int PostsPerPage = 10;

    public List<PageJob> All()
    {
        var settings = model.Settings;
        var lists = new List<(string Url, string Heading, string? Intro, IReadOnlyList<Post> Posts, bool IsHome)>
        {
            (Urls.Home, settings.Title, settings.Description, model.Posts, true),
        };
        foreach (var tag in model.Tags) lists.Add((tag.Url, $"Posts tagged “{tag.Name}”", null, tag.Posts, false));
        foreach (var category in model.Categories) lists.Add((category.Url, category.Name, $"Posts in {category.Name}.", category.Posts, false));
        foreach (var author in model.Authors) lists.Add((author.Url, $"Posts by {author.Name}", author.Description, author.Posts, false));
        // Each list's pages (and their input keys, hashed from every card) are made in parallel: with a build
        // cache this is most of what an incremental build does for the lists.
        var pagesOfList = new List<PageJob>[lists.Count];
        Parallel.For(0, lists.Count, i =>
        {
            var (url, heading, intro, posts, isHome) = lists[i];
            AddList(pagesOfList[i] = [], url, heading, intro, posts, isHome);
        });
        var jobs = new List<PageJob>(pagesOfList.Sum(pages => pages.Count) + model.Years.Count + model.Redirects.Count + 8);
        foreach (var pages in pagesOfList) jobs.AddRange(pages);

        var tagsKey = new InputKey();
        foreach (var tag in model.Tags) tagsKey.Add(tag.Url).Add(tag.Name).Add(tag.Posts.Count);
        jobs.Add(Page<GroupIndexPage>(Urls.TagIndex, new PageHead($"Tags | {settings.Title}", $"Every topic on {settings.Title}.", Urls.TagIndex),
            new() { [nameof(GroupIndexPage.Heading)] = "Tags", [nameof(GroupIndexPage.Groups)] = model.Tags }, tagsKey));
        var yearsKey = new InputKey();
        foreach (var year in model.Years) yearsKey.Add(year.Year).Add(year.Posts.Count);
        jobs.Add(Page<ArchivePage>(Urls.Archive, new PageHead($"Archive | {settings.Title}", $"Every post on {settings.Title}, by year.", Urls.Archive),
            new() { [nameof(ArchivePage.Heading)] = "Archive", [nameof(ArchivePage.Years)] = model.Years }, new InputKey().Add(yearsKey.Value)));
        foreach (var year in model.Years)
        {
            var key = new InputKey().Add(yearsKey.Value);
            foreach (var post in year.Posts) key.Add(post.Url).Add(post.Title).Add(post.LocalDate);
            jobs.Add(Page<ArchivePage>(year.Url, new PageHead($"{year.Year} | {settings.Title}", $"Posts from {year.Year}.", year.Url),
                new() { [nameof(ArchivePage.Heading)] = $"Posts from {year.Year}", [nameof(ArchivePage.Years)] = model.Years, [nameof(ArchivePage.Current)] = year }, key));
        }
        jobs.Add(Page<SearchPage>(Urls.Search, new PageHead($"Search | {settings.Title}", $"Search {settings.Title}.", Urls.Search), [], new InputKey()));
        jobs.Add(Page<MessagePage>("/404.html", new PageHead($"Page not found | {settings.Title}", "This page does not exist.", "/404.html", Robots: "noindex"),
            new() { [nameof(MessagePage.Heading)] = "Page not found", [nameof(MessagePage.Message)] = "Sorry, there is no page at this address. It may have moved." }, new InputKey()));

        foreach (var form in model.FormList)
        {
            var path = ThankYouUrl(form.ThankYouPath);
            if (path is null) continue;
            jobs.Add(Page<MessagePage>(path, new PageHead($"{form.Title} | {settings.Title}", form.SuccessMessage, path, Robots: "noindex"),
                new() { [nameof(MessagePage.Heading)] = "Thank you", [nameof(MessagePage.Message)] = form.SuccessMessage }, new InputKey()));
        }

        foreach (var redirect in model.Redirects)
        {
            var target = Urls.Post(redirect.To);
            jobs.Add(new PageJob(Urls.Post(redirect.From), r => r.Render<RedirectPage>(new()
            {
                [nameof(RedirectPage.Target)] = target,
                [nameof(RedirectPage.Canonical)] = settings.Absolute(target),
                [nameof(RedirectPage.Lang)] = settings.Language.Tag,
            }), new InputKey().Add(target).Value));
        }
        return jobs;
    }

    /// <summary>A thank-you path as a clean URL inside the site, or null when it is not one.</summary>
    public static string? ThankYouUrl(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\'))
            return null;
        var url = path.Split('?', '#')[0];
        return url.EndsWith('/') ? url : url + "/";
    }

    private void AddList(List<PageJob> jobs, string listUrl, string heading, string? intro, IReadOnlyList<Post> posts, bool isHome = false)
    {
        var settings = model.Settings;
        var pages = Math.Max(1, (posts.Count + PostsPerPage - 1) / PostsPerPage);
        for (var page = 1; page <= pages; page++)
        {
            var url = Urls.Page(listUrl, page);
            var first = (page - 1) * PostsPerPage;
            var slice = new PostCard[Math.Min(PostsPerPage, posts.Count - first)];
            for (var i = 0; i < slice.Length; i++) slice[i] = cards[posts[first + i].Index];
            var title = isHome ? settings.Title : $"{heading} | {settings.Title}";
            if (page > 1) title = $"{(isHome ? "Older posts" : heading)}, page {page} | {settings.Title}";
            var head = new PageHead(title, intro ?? settings.Description, url);
            var currentPage = page;
            var key = new InputKey().Add(heading).Add(intro).Add(listUrl).Add(page).Add(pages);
            foreach (var card in slice) key.Add(card.Post.Url).Add(card.Post.Title).Add(card.Post.LocalDate).Add(card.ReadingMinutes).Add(card.Excerpt);
            jobs.Add(Page<ListPage>(url, head, new()
            {
                [nameof(ListPage.Heading)] = isHome ? (page == 1 ? "Latest posts" : $"Older posts, page {page}") : heading,
                [nameof(ListPage.Intro)] = page == 1 ? (isHome ? null : intro) : null,
                [nameof(ListPage.Cards)] = slice,
                [nameof(ListPage.ListUrl)] = listUrl,
                [nameof(ListPage.Page)] = currentPage,
                [nameof(ListPage.Pages)] = pages,
            }, key));
        }
    }

    /// <param name="key">What the page shows besides its head; the head and the page type are added here.</param>
    private PageJob Page<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TPage>(string url, PageHead head, Dictionary<string, object?> parameters, InputKey key) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        parameters["Context"] = context;
        parameters["Head"] = head;
        key.Add(typeof(TPage).Name).Add(head.Title).Add(head.Description).Add(head.Path).Add(head.Robots);
        foreach (var (name, value) in parameters)
            if (value is string or int or null) key.Add(name).Add(value?.ToString());
        return new PageJob(url, r => r.Render<TPage>(parameters), key.Value);
    }
}
