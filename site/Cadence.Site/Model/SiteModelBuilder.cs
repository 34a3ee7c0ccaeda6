using System.Collections.Concurrent;
using Cadence.Contract;
using Cadence.Markdown;
using Cadence.Markdown.Dialect;
using Cadence.Site.Keys;
using Cadence.Site.Source;

namespace Cadence.Site.Model;

/// <summary>Turns source content into the immutable <see cref="SiteModel"/>: posts sorted once, newest first, and grouped.</summary>
public static class SiteModelBuilder
{
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";

    /// <summary>The last navigation entry, when it links to a page with a form on it: the header shows it as a button.</summary>
    private static ApiLink? CallToAction(IReadOnlyList<ApiLink> navigation, IReadOnlyList<Page> pages)
    {
        if (navigation.Count == 0) return null;
        var last = navigation[^1];
        var page = pages.FirstOrDefault(p => p.Url == last.Url);
        var hasForm = page is not null && page.Body.Split('\n').Any(line => FormDirectiveParser.ParseKey(line) is not null);
        return hasForm ? last : null;
    }

    /// <param name="cachedRelated">The related-post lists of the cached build, used when its related key is this model's.</param>
    public static SiteModel Build(SourceContent content, string? baseUrlOverride = null, Func<Hash128, int[][]?>? cachedRelated = null)
    {
        var authorInfo = content.Authors.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        var pages = content.Pages
            .Select(p => new Page(p.Slug, p.Title, p.Excerpt, p.UpdatedAt ?? p.PublishedAt ?? DateTimeOffset.UnixEpoch, p.Body ?? "", p.Seo)
            {
                ReviewedBy = p.LastReviewed is null ? null : AuthorOf(p.ReviewedBy, authorInfo),
                LastReviewed = p.ReviewedBy is null ? null : p.LastReviewed,
            })
            .OrderBy(p => p.Slug, StringComparer.Ordinal).ToArray();
        var settings = Settings(content.Site, baseUrlOverride);
        var linked = settings.Navigation.Select(l => l.Url).ToHashSet(StringComparer.Ordinal);
        settings = settings with
        {
            FooterPages = pages.Where(p => !linked.Contains(p.Url)).OrderBy(p => p.Title, StringComparer.Ordinal).Select(p => new ApiLink(p.Title, p.Url)).ToArray(),
            CallToAction = CallToAction(settings.Navigation, pages),
        };

        var sorted = content.Posts.ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            var byDate = b.PublishedAt!.Value.CompareTo(a.PublishedAt!.Value);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Slug, b.Slug);
        });

        var posts = new Post[sorted.Length];
        var terms = new Terms();
        Parallel.For(0, sorted.Length, i => posts[i] = ToPost(i, sorted[i], settings, authorInfo, content, terms));

        var tags = Group(posts, p => p.Tags, Urls.Tag, content.Tags);
        var categories = Group(posts, p => p.Category is null ? [] : [p.Category], Urls.Category, content.Categories);
        var authors = GroupAuthors(posts, pages);
        var years = posts.GroupBy(p => p.LocalDate.Year).Select(g => new YearGroup(g.Key, g.ToArray())).ToArray(); // already newest first

        var postsByTag = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var tag in tags) postsByTag[tag.Slug] = tag.Posts.Select(p => p.Index).ToArray();

        var forms = content.Forms.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        var relatedKey = new InputKey();
        foreach (var post in posts)
        {
            relatedKey.Add(post.Slug).Add(post.Tags.Count);
            foreach (var tag in post.Tags) relatedKey.Add(tag.Slug);
        }
        var related = cachedRelated?.Invoke(relatedKey.Value) is { } known && known.Length == posts.Length
            ? RelatedPosts.From(posts, known)
            : RelatedPosts.Compute(posts, postsByTag);
        return new SiteModel(
            settings, posts, tags, categories, authors, years,
            forms.ToDictionary(f => f.Key, StringComparer.Ordinal), forms,
            content.Redirects.Select(r => new Redirect(r.From, r.To, r.IsPage)).OrderBy(r => r.From, StringComparer.Ordinal).ToArray(),
            related)
        { RelatedKey = relatedKey.Value, Pages = pages, Images = content.Images };
    }

    /// <summary>A single post outside the model (a draft being previewed); it has no place in any list.</summary>
    public static Post Standalone(ApiPost post, SiteModel model)
    {
        var authors = model.Authors.ToDictionary(a => a.Slug, a => new ApiAuthor(a.Slug, a.Name, a.Description, a.Image, Credentials: a.Credentials),
            StringComparer.Ordinal);
        return ToPost(-1, post with { PublishedAt = post.PublishedAt ?? post.UpdatedAt ?? DateTimeOffset.UnixEpoch }, model.Settings, authors, null, new Terms());
    }

    private static SiteSettings Settings(ApiSite site, string? baseUrlOverride)
    {
        var baseUrl = (baseUrlOverride ?? site.BaseUrl).Trim().TrimEnd('/');
        if (baseUrl.Length == 0) baseUrl = DefaultBaseUrl;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(site.TimeZone) ? "UTC" : site.TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new SourceException($"The site's time zone '{site.TimeZone}' is not a known IANA time zone.", e);
        }
        var clinic = site.Clinic;
        return new SiteSettings(site.ClinicName, site.Title, site.Description, baseUrl, site.CmsUrl.TrimEnd('/'), zone, SiteLanguage.From(site.Language),
            SafeLinks(site.Navigation), SafeLinks(site.Social), SafeUrl.OrNull(site.Logo?.Url))
        {
            ThemeColour = BrandColour.Normalise(site.ThemeColour) ?? BrandColour.Default,
            LogoWidth = site.Logo?.Width,
            LogoHeight = site.Logo?.Height,
            Clinic = clinic is null ? ClinicDetails.Empty : new ClinicDetails(clinic.Street, clinic.Town, clinic.Postcode, clinic.Country, clinic.Phone,
                clinic.Email, clinic.OpeningHours?.Select(h => new OpeningHours(h.Day, h.Opens, h.Closes)).ToList() ?? [], clinic.Registration),
        };
    }

    /// <param name="content">Where the body hash of a post that came without its body is found (null: the post has its body).</param>
    private static Post ToPost(int index, ApiPost p, SiteSettings settings, Dictionary<string, ApiAuthor> authorInfo, SourceContent? content, Terms terms)
    {
        // Every date in the site's own time zone, whatever offset the source wrote it with: the API answers in UTC and
        // a content folder in the author's offset, and the feeds and JSON-LD must match the visible <time> either way.
        var published = TimeZoneInfo.ConvertTime(p.PublishedAt!.Value, settings.TimeZone);
        var updated = TimeZoneInfo.ConvertTime(p.UpdatedAt ?? published, settings.TimeZone);
        var author = AuthorOf(p.Author, authorInfo);
        var bodyKey = p.Body is not null ? InputKey.Of(p.Body)
            : content!.DeferredBodies.TryGetValue(p.Slug, out var deferred) ? deferred
            : content.Reused[p.Slug].BodyKey;
        return new Post(
            index, p.Slug, p.Title, p.Excerpt, published, updated, published, p.ReadingMinutes, p.WordCount, p.Body,
            // By name in both builds: the CMS keeps a post's tags as a set, so the order an author typed in a file
            // cannot survive a round trip through it, and the two builds must agree.
            p.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(terms.Tag).ToArray(),
            p.Category is null ? null : terms.Category(p.Category),
            author,
            SafeUrl.OrNull(p.Image?.Url) is null ? null : new FeaturedImage(p.Image!.Url.Trim(), p.Image.Alt ?? "", p.Image.Width, p.Image.Height,
                p.Image.Variants ?? content?.Images.GetValueOrDefault(p.Image.Url)),
            SafeSeo(p.Seo))
        {
            BodyKey = bodyKey,
            Featured = p.Featured,
            // One claim: a reviewer without a date (or a date without a reviewer) says nothing a reader can trust.
            ReviewedBy = p.LastReviewed is null ? null : AuthorOf(p.ReviewedBy, authorInfo),
            LastReviewed = p.ReviewedBy is null ? null : p.LastReviewed,
        };
    }

    /// <summary>
    /// One <see cref="Term"/> per tag and per category for the whole model: 10,000 posts name the same few dozen,
    /// and each was a new record and a new URL string per post. Safe to use from many threads.
    /// </summary>
    private sealed class Terms
    {
        private readonly ConcurrentDictionary<(string Slug, string Name), Term> _tags = new();
        private readonly ConcurrentDictionary<(string Slug, string Name), Term> _categories = new();

        public Term Tag(ApiTerm tag) => _tags.GetOrAdd((tag.Slug, tag.Name), static key => new Term(key.Slug, key.Name, Urls.Tag(key.Slug)));

        public Term Category(ApiTerm category) =>
            _categories.GetOrAdd((category.Slug, category.Name), static key => new Term(key.Slug, key.Name, Urls.Category(key.Slug)));
    }

    /// <summary>The author as the site shows them; the list of authors may carry a fuller profile than the copy embedded in the post.</summary>
    private static Author? AuthorOf(ApiAuthor? embedded, Dictionary<string, ApiAuthor> authorInfo)
    {
        if (embedded is null) return null;
        var info = authorInfo.GetValueOrDefault(embedded.Slug) ?? embedded;
        return new Author(info.Slug, info.Name, info.Bio ?? embedded.Bio, SafeUrl.OrNull(info.Avatar ?? embedded.Avatar), Urls.Author(info.Slug))
        {
            Credentials = info.Credentials ?? embedded.Credentials,
        };
    }

    // The site's one URL policy (SafeUrl) is applied here, where both sources meet, so no template has to remember it.
    private static List<ApiLink> SafeLinks(IEnumerable<ApiLink> links) => links.Where(l => SafeUrl.IsAllowed(l.Url)).ToList();

    private static ApiSeo? SafeSeo(ApiSeo? seo) => seo is null ? null
        : seo with { SocialImage = SafeUrl.OrNull(seo.SocialImage), CanonicalUrl = SafeUrl.OrNull(seo.CanonicalUrl) };

    /// <summary>Groups posts (already newest first, so every group is too); groups are ordered by name.</summary>
    private static PostGroup[] Group(Post[] posts, Func<Post, IReadOnlyList<Term>> termsOf, Func<string, string> url, IReadOnlyList<ApiTerm> known)
    {
        var names = known.ToDictionary(t => t.Slug, t => t.Name, StringComparer.Ordinal);
        var groups = new Dictionary<string, List<Post>>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            foreach (var term in termsOf(post))
            {
                if (!groups.TryGetValue(term.Slug, out var list)) groups[term.Slug] = list = [];
                list.Add(post);
                names.TryAdd(term.Slug, term.Name);
            }
        }
        return groups
            .Select(g => new PostGroup(g.Key, names[g.Key], url(g.Key), g.Value.ToArray()))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Slug, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Everyone the site names gets a page, so every byline and review line links somewhere: a writer's page lists
    /// what they wrote; someone who only reviews lists what they reviewed (none, if they reviewed only pages).
    /// </summary>
    private static PostGroup[] GroupAuthors(Post[] posts, Page[] pages)
    {
        var writers = new Dictionary<string, (Author Author, List<Post> Posts)>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            if (post.Author is null) continue;
            if (!writers.TryGetValue(post.Author.Slug, out var group)) writers[post.Author.Slug] = group = (post.Author, []);
            group.Posts.Add(post);
        }
        var reviewers = new Dictionary<string, (Author Author, List<Post> Posts)>(StringComparer.Ordinal);
        foreach (var reviewer in pages.Select(p => p.ReviewedBy).OfType<Author>()) reviewers.TryAdd(reviewer.Slug, (reviewer, []));
        foreach (var post in posts)
        {
            if (post.ReviewedBy is not { } reviewer || writers.ContainsKey(reviewer.Slug)) continue;
            if (!reviewers.TryGetValue(reviewer.Slug, out var group)) reviewers[reviewer.Slug] = group = (reviewer, []);
            group.Posts.Add(post);
        }
        return writers.Values.Select(g => Group(g, reviewsOnly: false))
            .Concat(reviewers.Values.Where(g => !writers.ContainsKey(g.Author.Slug)).Select(g => Group(g, reviewsOnly: true)))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Slug, StringComparer.Ordinal)
            .ToArray();

        static PostGroup Group((Author Author, List<Post> Posts) g, bool reviewsOnly) =>
            new(g.Author.Slug, g.Author.Name, g.Author.Url, g.Posts.ToArray(), g.Author.Bio, g.Author.Avatar)
            {
                Credentials = g.Author.Credentials,
                ReviewsOnly = reviewsOnly,
            };
    }
}
