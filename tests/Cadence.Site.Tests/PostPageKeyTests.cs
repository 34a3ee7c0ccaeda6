using System.Text.Json;
using Cadence.Site.Build;
using Cadence.Site.Model;
using Cadence.Site.Render;
using Cadence.Site.Source;

namespace Cadence.Site.Tests;

/// <summary>
/// An incremental build keeps a page whose key is unchanged, so a field a post page shows but its key leaves out
/// would leave that page stale (and only in incremental builds). Every field of a post, found by reflection,
/// must change the key of the post's page, and come back unchanged through the build cache.
/// </summary>
public class PostPageKeyTests
{
    /// <summary>Fields that reach no page, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotShown = new()
    {
        [".Status"] = "only published posts reach the site",
        [".Forms"] = "the page shows forms through the directives in its body, and the form definitions are in the site key",
        [".Tags[0].PostCount"] = "post counts change with every publish; no page shows the post's copy of them",
        [".Category.PostCount"] = "as for tags",
        [".Author.PostCount"] = "as for tags",
        [".ReviewedBy.PostCount"] = "as for tags",
        [".Path"] = "the site makes every post's address from its slug (Urls.Post); the API states the same path for other clients",
    };

    [Test]
    public void Every_field_of_a_post_changes_its_page_key()
    {
        var before = PageKey(PostVariants.Full);
        var unchanged = PostVariants.Each().Where(v => !IsNotShown(v.Field) && PageKey(v.Post) == before).Select(v => v.Field);
        Assert.That(unchanged, Is.Empty, "fields whose change leaves the post page's key as it was");
        Assert.That(PostVariants.Each().Count(), Is.GreaterThan(25), "the variants reach into nested records");
    }

    [Test]
    public void A_neighbour_or_related_post_changes_the_page_key()
    {
        var first = PostVariants.Full;
        var second = first with { Slug = "second", Title = "Second", PublishedAt = first.PublishedAt!.Value.AddDays(-1) };
        var key = PageKey(Model(first, second), 0);
        Assert.That(PageKey(Model(first, second with { Title = "Renamed" }), 0), Is.Not.EqualTo(key), "the older post's title");
        Assert.That(PageKey(Model(first, second with { Slug = "moved" }), 0), Is.Not.EqualTo(key), "the older post's URL");
        Assert.That(PageKey(Model(first, second with { Excerpt = "Other" }), 0), Is.EqualTo(key), "what the page does not show of it");
    }

    [Test]
    public void The_newsletter_form_changes_the_page_key()
    {
        var post = PostVariants.Full;
        var form = new ApiForm(SiteModel.NewsletterKey, "Newsletter", null, "Sign up", "Thanks", null, false, []);
        var without = PageKey(Model([], post), 0);
        var with = PageKey(Model([form], post), 0);
        Assert.That(with, Is.Not.EqualTo(without));
        Assert.That(PageKey(Model([form with { SubmitLabel = "Join" }], post), 0), Is.Not.EqualTo(with));
    }

    /// <summary>The key is made field by field (PostKeys.PostPage): a field added to the input must be added there.</summary>
    [Test]
    public void The_page_key_covers_every_field_of_the_post_page_input()
    {
        var keyed = new[] { "Post", "Newer", "Older", "Related", "Newsletter" };
        Assert.That(typeof(PostPageInput).GetProperties().Select(p => p.Name).Where(name => name != "EqualityContract"), Is.EquivalentTo(keyed),
            "PostKeys.PostPage must hash every field of PostPageInput");
    }

    [Test]
    public void Every_field_of_a_post_survives_the_build_cache()
    {
        foreach (var (field, post) in PostVariants.Each().Prepend(("(none)", PostVariants.Full)))
        {
            var cache = BuildCacheFormatTests.Sample() with { Posts = new() { [post.Slug] = new CachedPost(new KnownPost(post with { Body = null }, default, []), new PostFacts("", 1, 1), default) } };
            var read = BuildCacheFormatTests.RoundTrip(cache);
            Assert.That(Json(read.Posts[post.Slug].Source.Post), Is.EqualTo(Json(post with { Body = null })), $"after changing {field}");
        }
    }

    private static bool IsNotShown(string field) =>
        NotShown.Keys.Any(name => field == name || field.StartsWith(name + "[", StringComparison.Ordinal));

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static SiteModel Model(params ApiPost[] posts) => Model([], posts);

    private static SiteModel Model(ApiForm[] forms, params ApiPost[] posts) => SiteModelBuilder.Build(new SourceContent(
        new ApiSite("Clinic", "Blog", "About", "https://example.com", "https://cms.example.com", "Europe/London", [], []),
        posts, [], [], [], forms, [], []));

    private static Keys.Hash128 PageKey(ApiPost post) => PageKey(Model(post), 0);

    private static Keys.Hash128 PageKey(SiteModel model, int index) => new PostKeys(model).PostPage(model.Posts[index]);
}
