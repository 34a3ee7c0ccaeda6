using Cadence.Markdown;
using Cadence.Markdown.Dialect;
using Cadence.Markdown.Folder;

namespace Cadence.Site.Tests;

public class DialectTests
{
    [Test]
    public void Tables_task_lists_autolinks_and_heading_ids_render()
    {
        var html = MarkdownDialect.Render("## Warm up first\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nSee https://example.com now.\n").Html;
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h2 id=\"warm-up-first\">Warm up first</h2>"));
            Assert.That(html, Does.Contain("<table>").And.Contain("<td>1</td>"));
            Assert.That(html, Does.Contain("<input type=\"checkbox\" disabled checked aria-label=\"Done\""));
            Assert.That(html, Does.Contain("<input type=\"checkbox\" disabled aria-label=\"Not done\""));
            Assert.That(html, Does.Contain("<a href=\"https://example.com\">https://example.com</a>"));
        });
    }

    [Test]
    public void Form_directive_is_rendered_by_the_callback_and_reported_in_facts()
    {
        var rendered = MarkdownDialect.Render("Before.\n\n::: form knee-ebook\n\nAfter.\n", key => $"<form id=\"form-{key}\"></form>\n");
        Assert.That(rendered.Html, Does.Contain("<form id=\"form-knee-ebook\"></form>"));
        Assert.That(rendered.Facts.FormKeys, Is.EqualTo(new[] { "knee-ebook" }));
    }

    [TestCase("Opening words with *emphasis*.\n\nThe rest.\n", "<p>Opening words with <em>emphasis</em>.</p>")]
    [TestCase("Opening words\nover two lines.\n\n## A heading\n\nMore.\n", "<p>Opening words\nover two lines.</p>")]
    [TestCase("## A heading first\n\nThen words.\n", null)]
    [TestCase("- a list first\n", null)]
    [TestCase("<div>Raw HTML first</div>\n\nWords.\n", null)]
    [TestCase("Raw <b>bold</b> in the opening paragraph.\n\n<script>x()</script>\n\nMore.\n", "<p>Raw <b>bold</b> in the opening paragraph.</p>")]
    [TestCase("", null)]
    public void The_lead_apart_and_the_rest_make_the_whole_body(string markdown, string? lead)
    {
        var whole = MarkdownDialect.Render(markdown).Html;
        var apart = MarkdownDialect.Render(markdown, leadApart: true);
        Assert.That(apart.Lead, Is.EqualTo(lead));
        Assert.That(apart.Lead + apart.Rest, Is.EqualTo(whole.TrimStart()));
        Assert.That(apart.Html, Is.EqualTo(whole.TrimStart()));
        Assert.That(MarkdownDialect.Render(markdown).Lead, Is.Null, "only when asked for");
    }

    [Test]
    public void A_body_longer_than_the_writer_holds_at_once_splits_as_a_short_one()
    {
        // Longer than the reused writer's first buffer, so its text arrives in more than one chunk.
        var markdown = "The opening paragraph.\n\n" + string.Concat(Enumerable.Repeat("A long middle paragraph, written again and again. ", 2_000)) + "\n";
        var apart = MarkdownDialect.Render(markdown, leadApart: true);
        Assert.That(apart.Lead, Is.EqualTo("<p>The opening paragraph.</p>"));
        Assert.That(apart.Lead + apart.Rest, Is.EqualTo(MarkdownDialect.Render(markdown).Html));
    }

    [Test]
    public void Plain_text_is_the_words_the_rendered_page_shows_in_order()
    {
        const string markdown = "# Knee  pain\n\nRunners *often* feel it &amp; wait.\nA soft break, then a hard one  \nhere.\n\n"
            + "- one\n- two `code`\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```\nsquat  x10\n```\n\n> See <https://example.com> and https://example.org.\n";
        var rendered = MarkdownDialect.Render(markdown, plainText: true);
        Assert.That(rendered.PlainText, Is.EqualTo(Outputs.Search.SearchDocuments.PlainText(rendered.Html).Text));
        Assert.That(rendered.PlainText, Does.StartWith("Knee pain Runners often feel it & wait. A soft break, then a hard one here. one two code"));
    }

    [Test]
    public void Plain_text_leaves_out_calls_to_action_and_image_descriptions_and_is_not_given_for_raw_html()
    {
        var rendered = MarkdownDialect.Render("Before ![a squat, side view](/media/squat.jpg) after.\n\n::: form knee-ebook\n\nLast.\n",
            key => "<section><h2>Get the ebook</h2><form></form></section>", plainText: true);
        Assert.Multiple(() =>
        {
            Assert.That(rendered.PlainText, Is.EqualTo("Before after. Last."));
            Assert.That(MarkdownDialect.Render("Text.").PlainText, Is.Null, "only when asked for");
            Assert.That(MarkdownDialect.Render("Text <b>bold</b>.", plainText: true).PlainText, Is.Null, "raw HTML is read from its sanitised rendering");
        });
    }

    [Test]
    public void Raw_script_is_removed_and_javascript_links_are_defused()
    {
        var html = MarkdownDialect.Render("Hi <script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n<a href=\"javascript:x()\">raw</a>\n").Html;
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("javascript:"));
    }

    [TestCase("Knee Pain & Hips", "knee-pain-and-hips")]
    [TestCase("Café crème", "cafe-creme")]
    [TestCase("  Runner's  knee!  ", "runners-knee")]
    public void Slugs_are_lower_case_ascii_words(string text, string slug)
    {
        Assert.That(Slug.From(text), Is.EqualTo(slug));
        Assert.That(Slug.IsValid(slug), Is.True);
    }

    [TestCase("Bad--slug")]
    [TestCase("-lead")]
    [TestCase("has space")]
    [TestCase("")]
    public void Invalid_slugs_are_refused(string slug) => Assert.That(Slug.IsValid(slug), Is.False);

    [Test]
    public void Hugo_front_matter_aliases_are_read()
    {
        var post = PostFileFormat.Parse("x.md", "---\ntitle: Hugo post\ndate: 2024-05-01T06:00:00Z\nsummary: Short.\ncategories: [Gear, Other]\ntags: [\"a\", \"b\"]\n---\nBody.\n");
        Assert.Multiple(() =>
        {
            Assert.That(post.Slug, Is.EqualTo("hugo-post"));
            Assert.That(post.Excerpt, Is.EqualTo("Short."));
            Assert.That(post.Category, Is.EqualTo("Gear"));
            Assert.That(post.Tags, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(post.Date, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 6, 0, 0, TimeSpan.Zero)));
        });
    }

    // Files with '\n' alone are read where they lie (bytes, or the caller's characters), the rest through a normalised
    // copy; every way must give the post a whole read gives.
    [TestCase("---\ntitle: T\ntags: [a, b]\n---\n\nBody line.\n\nMore.\n\n")]
    [TestCase("\uFEFF---\ntitle: Tête-à-tête\n---\nÉtirer le mollet – “doucement”.\n")]
    [TestCase("---\ntitle: T\n---")]
    [TestCase("---\ntitle: T\n---\n")]
    [TestCase("---\ntitle: T\n--- trailing words on the closing line\nBody.")]
    [TestCase("---\r\ntitle: T\r\n---\r\n\r\nWindows line endings.\r\n")]
    [TestCase("---\ntitle: T\n---\nA line\u2028separator and a\u0085next line.\n")]
    [TestCase("---\ntitle: T\n---\n\n\n")]
    public void Reading_a_post_in_parts_gives_what_a_whole_read_gives(string text)
    {
        var whole = PostFileFormat.Parse("post.md", text);
        var frontMatter = PostFileFormat.ParseFrontMatter("post.md", text.AsSpan(), out var body);
        Assert.Multiple(() =>
        {
            Assert.That(PostFileFormat.ReadBody("post.md", System.Text.Encoding.UTF8.GetBytes(text)), Is.EqualTo(whole.Body));
            Assert.That(frontMatter with { Body = whole.Body, Tags = whole.Tags }, Is.EqualTo(whole));
            Assert.That(frontMatter.Tags, Is.EqualTo(whole.Tags));
        });
        Assert.That(body.ToString(), Is.EqualTo(whole.Body));
    }

    [TestCase("---\ntitle: T\n---\n\nBody line.\n\nMore.\n\n", "Body line.\n\nMore.")]
    [TestCase("\uFEFF---\ntitle: T\n---\nÉtirer.\n", "Étirer.")]
    [TestCase("---\r\ntitle: T\r\n---\r\n\r\nWindows.\r\n", "Windows.")]
    [TestCase("---\ntitle: T\n---", "")]
    public void A_body_is_what_follows_the_front_matter_without_blank_lines_around_it(string text, string body)
    {
        PostFileFormat.ParseFrontMatter("post.md", text.AsSpan(), out var read);
        Assert.That(read.ToString(), Is.EqualTo(body));
        Assert.That(PostFileFormat.ReadBody("post.md", System.Text.Encoding.UTF8.GetBytes(text)), Is.EqualTo(body));
        Assert.That(PostFileFormat.Parse("post.md", text).Body, Is.EqualTo(body));
    }

    [Test]
    public void Reading_only_the_body_of_a_file_without_front_matter_names_the_problem()
    {
        var error = Assert.Throws<ContentFormatException>(() => PostFileFormat.ReadBody("posts/bad.md", "title: T\n---\nx"u8))!;
        Assert.That(error.Message, Does.StartWith("posts/bad.md").And.Contain("starts with front matter"));
    }

    [TestCase("---\ndate: 2024-01-01\n---\nx", "needs a title")]
    [TestCase("---\ntitle: T\ndate: not a date\n---\nx", "not an ISO 8601 date")]
    [TestCase("title: T\n", "starts with front matter")]
    [TestCase("---\ntitle: T\nstatus: maybe\n---\nx", "status 'maybe'")]
    public void Front_matter_errors_name_the_file_and_the_problem(string text, string message)
    {
        var error = Assert.Throws<ContentFormatException>(() => PostFileFormat.Parse("posts/bad.md", text))!;
        Assert.That(error.Message, Does.StartWith("posts/bad.md").And.Contain(message));
    }
}
