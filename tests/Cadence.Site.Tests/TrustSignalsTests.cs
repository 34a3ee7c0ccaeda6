using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cadence.Site.Render;

namespace Cadence.Site.Tests;

/// <summary>
/// A reviewed, featured post in a content folder, built: the byline with credentials, the review line, the page as a
/// reviewed MedicalWebPage around its BlogPosting, the author page's credentials, and the home page led by the post.
/// </summary>
public class TrustSignalsTests
{
    private string _content = "";
    private string _out = "";

    [OneTimeSetUp]
    public async Task Build()
    {
        _content = TestContent.Create(posts: 4);
        File.AppendAllText(Path.Combine(_content, "authors.yml"), """

            - slug: raj-patel
              name: Raj Patel
              credentials: MSc, HCPC-registered physiotherapist

            - slug: sam-ng
              name: Sam Ng
              credentials: Clinic manager
              avatar: /media/staff.png
            """);
        File.Copy(Path.Combine(_content, "media", "avatar.png"), Path.Combine(_content, "media", "staff.png"));
        var authors = File.ReadAllText(Path.Combine(_content, "authors.yml"));
        File.WriteAllText(Path.Combine(_content, "authors.yml"), authors.Replace("  name: Ann Lee\n", "  name: Ann Lee\n  credentials: BSc, sports therapist\n"));
        var second = Path.Combine(_content, "posts", "post-02.md");
        File.WriteAllText(second, File.ReadAllText(second).Replace("title: Post number 2\n", "title: Post number 2\ncategory: Injuries\nreviewed_by: raj-patel\nlast_reviewed: 2026-03-03\nfeatured: true\n"));
        var fourth = Path.Combine(_content, "posts", "post-04.md");
        File.WriteAllText(fourth, File.ReadAllText(fourth).Replace("categories: [Training]\n", ""));
        Directory.CreateDirectory(Path.Combine(_content, "pages"));
        File.WriteAllText(Path.Combine(_content, "pages", "knee-guide.md"),
            "---\ntitle: Knee guide\ndate: 2026-01-01T08:00:00+00:00\nreviewed_by: raj-patel\nlast_reviewed: 2026-02-14\n---\nWhat to do about sore knees.\n");
        _out = Path.Combine(Directory.CreateTempSubdirectory("cadence-out-").FullName, "site");
        await SiteBuild.RunAsync(new BuildOptions(_out, From: _content, CmsUrl: "https://cms.example"), new BuildProgress(false));
    }

    [OneTimeTearDown]
    public void Clean()
    {
        Directory.Delete(_content, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);
    }

    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_out, path)));

    private static string Words(AngleSharp.Dom.IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Test]
    public void The_post_names_its_author_and_reviewer_with_their_credentials_and_the_review_date()
    {
        var page = Page("posts/post-02/index.html");
        Assert.Multiple(() =>
        {
            Assert.That(Words(page.QuerySelector(".post-meta")), Does.StartWith("By Ann Lee, BSc, sports therapist ·"));
            Assert.That(Words(page.QuerySelector(".post-review")), Is.EqualTo("Reviewed by Raj Patel, MSc, HCPC-registered physiotherapist, 3 March 2026"));
            Assert.That(page.QuerySelector(".post-review a")!.GetAttribute("href"), Is.EqualTo("/authors/raj-patel/"));
            Assert.That(page.QuerySelector(".post-review time")!.GetAttribute("datetime"), Is.EqualTo("2026-03-03"));
            Assert.That(Words(page.QuerySelector(".author-box")), Does.StartWith("Ann Lee, BSc, sports therapist: Ann writes the tests."));
            Assert.That(Page("posts/post-01/index.html").QuerySelector(".post-review"), Is.Null, "an unreviewed post says nothing of a review");
        });
    }

    [Test]
    public void A_reviewed_post_is_a_medical_web_page_around_its_blog_posting()
    {
        var page = Page("posts/post-02/index.html");
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var graph = json.RootElement.GetProperty("@graph");
        var webPage = graph[0];
        var article = graph[1];
        Assert.Multiple(() =>
        {
            Assert.That(webPage.GetProperty("@type").GetString(), Is.EqualTo("MedicalWebPage"));
            Assert.That(webPage.GetProperty("lastReviewed").GetString(), Is.EqualTo("2026-03-03"));
            Assert.That(webPage.GetProperty("reviewedBy").GetProperty("@type").GetString(), Is.EqualTo("Person"));
            Assert.That(webPage.GetProperty("reviewedBy").GetProperty("name").GetString(), Is.EqualTo("Raj Patel"));
            Assert.That(webPage.GetProperty("reviewedBy").GetProperty("description").GetString(), Is.EqualTo("MSc, HCPC-registered physiotherapist"));
            Assert.That(webPage.GetProperty("mainEntity").GetProperty("@id").GetString(), Is.EqualTo(article.GetProperty("@id").GetString()));
            Assert.That(article.GetProperty("@type").GetString(), Is.EqualTo("BlogPosting"));
            Assert.That(article.GetProperty("headline").GetString(), Is.EqualTo("Post number 2"));
            Assert.That(article.GetProperty("author").GetProperty("description").GetString(), Is.EqualTo("BSc, sports therapist"));
        });
    }

    [Test]
    public void The_home_page_leads_with_the_featured_post_and_lists_every_other_post_once()
    {
        var home = Page("index.html");
        var links = home.QuerySelectorAll(".post-list h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(home.QuerySelector(".card-featured h2 a")!.GetAttribute("href"), Is.EqualTo("/posts/post-02/"));
            Assert.That(links, Is.EqualTo(new[] { "/posts/post-02/", "/posts/post-04/", "/posts/post-03/", "/posts/post-01/" }));
        });
    }

    [Test]
    public void A_profile_that_wrote_and_reviewed_nothing_published_is_not_on_the_site_nor_is_its_picture()
    {
        var files = Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_out, f).Replace('\\', '/')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.None.StartsWith("media/staff"), "the picture");
            Assert.That(files, Has.None.StartsWith("authors/sam-ng/"), "a page");
            Assert.That(files, Has.Some.StartsWith("authors/raj-patel/"), "a reviewer is named, so has a page");
            Assert.That(files, Has.Some.StartsWith("media/avatar"), "the writer's picture");
        });
    }

    [Test]
    public void Someone_who_only_reviews_has_a_page_listing_what_they_reviewed()
    {
        var page = Page("authors/raj-patel/index.html");
        Assert.Multiple(() =>
        {
            Assert.That(Words(page.QuerySelector("h1")), Is.EqualTo("Reviewed by Raj Patel"));
            Assert.That(page.QuerySelectorAll(".post-list h2 a").Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { "/posts/post-02/" }));
            Assert.That(Page("posts/post-02/index.html").QuerySelector(".post-review a")!.GetAttribute("href"), Is.EqualTo("/authors/raj-patel/"));
        });
    }

    [Test]
    public void A_card_names_the_category_the_post_opens_with_or_else_its_first_tag()
    {
        var home = Page("index.html");
        var post = Page("posts/post-02/index.html");
        Assert.Multiple(() =>
        {
            Assert.That(Words(home.QuerySelector(".card-featured .card-label")), Is.EqualTo("Featured · Injuries"));
            Assert.That(Words(post.QuerySelector(".post-kicker")), Is.EqualTo("Injuries"));
            Assert.That(Words(home.QuerySelector("a[href='/posts/post-04/']")!.Closest(".card")!.QuerySelector(".card-label")), Is.EqualTo("Knee pain"));
        });
    }

    [Test]
    public void A_reviewed_page_says_who_reviewed_it_and_is_a_medical_web_page()
    {
        var page = Page("knee-guide/index.html");
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Multiple(() =>
        {
            Assert.That(Words(page.QuerySelector(".page-review")), Is.EqualTo("Reviewed by Raj Patel, MSc, HCPC-registered physiotherapist, 14 February 2026"));
            Assert.That(json.RootElement.GetProperty("@type").GetString(), Is.EqualTo("MedicalWebPage"));
            Assert.That(json.RootElement.GetProperty("lastReviewed").GetString(), Is.EqualTo("2026-02-14"));
            Assert.That(json.RootElement.GetProperty("reviewedBy").GetProperty("name").GetString(), Is.EqualTo("Raj Patel"));
        });
    }

    [Test]
    public void An_author_page_shows_the_credentials()
    {
        Assert.That(Words(Page("authors/ann-lee/index.html").QuerySelector(".list-header .lead")), Is.EqualTo("BSc, sports therapist. Ann writes the tests."));
    }

    [Test]
    public void Without_a_featured_post_the_newest_leads()
    {
        var posts = new[] { 0, 1, 2 }.Select(i => new Model.Post(i, $"p{i}", $"P{i}", null, DateTimeOffset.UnixEpoch.AddDays(-i),
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, null, [], null, null, null, null)).ToArray();
        Assert.That(ListPages.FeaturedFirst(posts), Is.SameAs(posts));
        Assert.That(ListPages.FeaturedFirst([posts[0], posts[1] with { Featured = true }, posts[2] with { Featured = true }]).Select(p => p.Slug),
            Is.EqualTo(new[] { "p1", "p0", "p2" }), "the newest featured one, then the rest by date");
    }
}
