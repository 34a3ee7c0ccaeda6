using Cadence.Markdown.Dialect;
using Cadence.Site.Model;
using Cadence.Site.Render.Theme;

namespace Cadence.Site.Render;

/// <summary>
/// The jobs for the site's pages (About, Contact…). A page's body is rendered before its job is made: its input is
/// the finished HTML, forms included, so the page is rendered again exactly when what it shows changes.
/// </summary>
public static class ContentPages
{
    public static IEnumerable<PageJob> Jobs(SiteModel model, PageContext context, Func<string, string> formHtml)
    {
        var settings = model.Settings;
        foreach (var page in model.Pages)
        {
            var rendered = MarkdownDialect.Render(page.Body, formHtml);
            var description = page.Seo?.Description ?? page.Excerpt ?? PlainText.Shorten(rendered.Facts.PlainStart, PostPageRenderer.ExcerptLength);
            var canonical = page.Seo?.CanonicalUrl;
            var head = new PageHead($"{page.Seo?.Title ?? page.Title} | {settings.Title}", description, page.Url, CanonicalUrl: canonical,
                JsonLd: StructuredData.ReviewedPage(page, settings, canonical ?? settings.Absolute(page.Url)));
            yield return PageJob.For<PageContent, ContentPageInput>(page.Url, context, head,
                new ContentPageInput(page.Title, rendered.Html, page.ReviewedBy, page.LastReviewed), PageInputJson.Default.ContentPageInput);
        }
    }
}
