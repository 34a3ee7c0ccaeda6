using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

public class PreviewAndPageShapeTests : SignedInAdminTests
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cadence:Site:PreviewUrl"] = "http://127.0.0.1:5080", ["Cadence:Site:PreviewSecret"] = "preview-links-are-signed-here" };

    [Test]
    public async Task Preview_opens_the_site_preview_server_when_one_is_configured()
    {
        // A post from the posts list: pages are previewed through the CMS.
        var post = (await Admin.PageAsync("/manager/posts")).QuerySelector("table.list tbody th a")!.GetAttribute("href")!;
        var page = await Admin.PageAsync(post);
        var slug = page.QuerySelector("#Slug")!.GetAttribute("value");
        var link = new Uri(page.QuerySelector("#preview-link")!.GetAttribute("href")!);
        Assert.That(link.GetLeftPart(UriPartial.Path), Is.EqualTo($"http://127.0.0.1:5080/preview/{slug}"));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.That(Cadence.Contract.PreviewLink.IsValid("preview-links-are-signed-here", slug!, query["expires"], query["sig"], DateTimeOffset.UtcNow),
            "the link is signed with the preview secret the site's serve is given");
        Assert.That(Cadence.Contract.PreviewLink.IsValid("preview-links-are-signed-here", "another-post", query["expires"], query["sig"], DateTimeOffset.UtcNow), Is.False,
            "and opens that post only");
    }

    [Test]
    public async Task The_fallback_preview_renders_the_body_with_the_dialect()
    {
        var preview = await Admin.PageAsync("/manager/posts/1/preview");
        Assert.That(preview.QuerySelector("article.rendered h1"), Is.Not.Null);
        Assert.That(preview.QuerySelectorAll("article.rendered p"), Is.Not.Empty);
    }

    [TestCase("/manager")]
    [TestCase("/manager/posts")]
    [TestCase("/manager/posts/new")]
    [TestCase("/manager/media")]
    [TestCase("/manager/settings")]
    public async Task Pages_keep_the_strict_content_security_policy_and_have_landmarks(string url)
    {
        var response = await Admin.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), Does.Contain("script-src 'self'").And.Not.Contain("unsafe-inline"));
        var page = await ManagerSession.ParseAsync(response);
        Assert.That(page.QuerySelectorAll("script:not([src])"), Is.Empty, "no inline script");
        Assert.That(page.QuerySelectorAll("[style]"), Is.Empty, "no inline style");
        Assert.That(page.QuerySelector("main#main"), Is.Not.Null);
        Assert.That(page.QuerySelector("nav[aria-label=Manager]"), Is.Not.Null);
        foreach (var control in page.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"))
        {
            var id = control.Id;
            var labelled = (id is not null && page.QuerySelector($"label[for='{id}']") is not null) || control.HasAttribute("aria-label");
            Assert.That(labelled, Is.True, $"{url}: control {control.OuterHtml[..Math.Min(80, control.OuterHtml.Length)]} has a label");
        }
    }

    [Test]
    public async Task The_dashboard_lists_the_newest_form_submission()
    {
        await using (var scope = Cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cadence.Cms.Data.CadenceDb>();
            db.Submissions.Add(new Cadence.Cms.Forms.Submission
            {
                FormKey = "knee-pain-ebook", ReceivedAt = DateTime.UtcNow, Email = "reader@example.test", ContentHash = Guid.NewGuid().ToString("N"),
                Fields = [new("email", "reader@example.test")],
            });
            await db.SaveChangesAsync();
        }
        var dashboard = await Admin.PageAsync("/manager");
        Assert.That(dashboard.QuerySelector("#newest-submissions li")!.TextContent, Does.Contain("reader@example.test"));
    }

    [Test]
    public async Task Static_scripts_and_styles_are_served()
    {
        foreach (var file in new[] { "/manager/manager.css", "/manager/manager.js", "/manager/editor.js", "/manager/visual-editor.js", "/manager/visual-editor.css" })
            Assert.That((await Admin.GetAsync(file)).StatusCode, Is.EqualTo(HttpStatusCode.OK), file);
    }
}
