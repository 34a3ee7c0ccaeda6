using System.Text.RegularExpressions;
using Cadence.Cms.Data;
using Cadence.Markdown.Dialect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>
/// The post editor's visual mode, in Chromium against the real CMS: what it stores is the dialect's Markdown,
/// unchanged when nothing was edited, and an owner can write a whole post without typing Markdown.
/// </summary>
public class VisualEditorTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task Every_starter_post_reads_back_to_the_same_page_and_an_unedited_save_keeps_its_markdown_byte_for_byte()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        var complaints = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") complaints.Add(message.Text); };
        page.PageError += (_, error) => complaints.Add(error);

        var slugs = Directory.GetFiles(Path.Combine(RepoPaths.Content, "posts"), "*.md").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.That(slugs, Has.Count.GreaterThanOrEqualTo(8));
        foreach (var slug in slugs)
        {
            var (id, original) = await PostAsync(slug!);
            await page.GotoAsync($"{_cms.BaseUrl}/manager/posts/{id}");
            var host = page.Locator(".visual-editor");
            await Assertions.Expect(host.Locator(".ProseMirror")).ToBeVisibleAsync();
            Assert.That(await page.Locator("textarea#Body").InputValueAsync(), Is.EqualTo(original), $"{slug}: loading rewrote the text");

            var serialised = await host.EvaluateAsync<string>("host => host.editor.markdown()");
            Assert.That(MarkdownDialect.Render(serialised).Html, Is.EqualTo(MarkdownDialect.Render(original).Html),
                $"{slug}: the visual editor's Markdown renders differently:\n{serialised}");

            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save (changes|draft)$") }).ClickAsync();
            await Assertions.Expect(page.Locator("p.notice").First).ToBeVisibleAsync();
            Assert.That((await PostAsync(slug!)).Body, Is.EqualTo(original), $"{slug}: an unedited save changed the Markdown");
        }
        Assert.That(complaints, Is.Empty, "script errors or Content-Security-Policy refusals");
    }

    [TestCase(1280, 900)]
    [TestCase(390, 844)]
    public async Task A_post_with_a_heading_a_list_a_link_an_image_and_a_call_to_action_is_written_without_markdown(int width, int height)
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.SetViewportSizeAsync(width, height);
        var (image, formTitle) = await LibraryAsync();

        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        var title = $"Ice or heat after a run {width}";
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true });
        await editor.ClickAsync();
        var keyboard = page.Keyboard;

        await keyboard.TypeAsync("Which one helps");
        await Button(page, "Heading").ClickAsync();
        await keyboard.PressAsync("End");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("It depends on the injury.");
        await keyboard.PressAsync("Shift+Home");
        await keyboard.PressAsync("Control+b");
        await keyboard.PressAsync("End");
        await keyboard.PressAsync("Enter");

        await Button(page, "Bulleted list").ClickAsync();
        await keyboard.TypeAsync("Ice for a fresh sprain");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("Heat for stiff muscles");
        await keyboard.PressAsync("Enter");
        await keyboard.PressAsync("Enter");

        await keyboard.TypeAsync("More advice: ");
        await Button(page, "Link").ClickAsync();
        var linkDialog = page.Locator("#link-dialog");
        await linkDialog.GetByLabel("Link address").FillAsync("https://www.nhs.uk/conditions/sprains-and-strains/");
        await linkDialog.GetByLabel("Text to show").FillAsync("sprains and strains");
        await linkDialog.GetByRole(AriaRole.Button, new() { Name = "Apply link" }).ClickAsync();
        await keyboard.PressAsync("Enter");

        await Button(page, "Image").ClickAsync();
        var imageDialog = page.Locator("#image-dialog");
        await imageDialog.Locator($"input[value='{image}']").CheckAsync();
        await imageDialog.GetByLabel("Description (alt text)").FillAsync("A runner holding an ice pack to her knee");
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-editor-image-{width}.png") });
        await imageDialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();

        await Button(page, "Add call to action").ClickAsync();
        await page.Locator("#cta-dialog").GetByRole(AriaRole.Button, new() { Name = formTitle }).ClickAsync();
        await Assertions.Expect(page.Locator(".visual-editor .cta-card")).ToContainTextAsync(formTitle);
        await Assertions.Expect(page.Locator(".visual-editor img[src^='/media/']")).ToHaveAttributeAsync("alt", "A runner holding an ice pack to her knee");
        await Assertions.Expect(page.Locator("#live-preview .cta-preview")).ToContainTextAsync(formTitle);

        await Button(page, "Save draft").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/manager/posts/\d+$"));
        await Assertions.Expect(page.Locator("p.notice").First).ToBeVisibleAsync();
        var slug = await page.GetByLabel("Web address (slug)").InputValueAsync();
        var body = (await PostAsync(slug)).Body;
        Assert.That(body, Does.Match(@"(?m)^## Which one helps$"), body);
        Assert.That(body, Does.Match(@"(?m)^\*\*It depends on the injury\.\*\*$"), body);
        Assert.That(body, Does.Match(@"(?m)^- Ice for a fresh sprain\n- Heat for stiff muscles$"), body);
        Assert.That(body, Does.Contain("More advice: [sprains and strains](https://www.nhs.uk/conditions/sprains-and-strains/)"), body);
        Assert.That(body, Does.Match($@"(?m)^!\[A runner holding an ice pack to her knee\]\({Regex.Escape(image)}\)$"), body);
        Assert.That(body, Does.Match(@"(?m)^::: form knee-pain-ebook$"), body);

        // The saved post opens with the same content, the card showing the form's title.
        await Assertions.Expect(page.Locator(".visual-editor .cta-card")).ToContainTextAsync(formTitle);
        await Assertions.Expect(page.Locator("#live-preview .cta-preview")).ToContainTextAsync(formTitle);
        await page.EvaluateAsync("() => document.querySelector('label[id=body-label]').scrollIntoView()");
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-editor-{width}.png") });
    }

    [Test]
    public async Task The_markdown_switch_shows_the_text_as_markdown_and_back_keeping_edits_made_in_either()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync("Warm up first.");

        await Button(page, "Markdown").ClickAsync();
        var markdown = page.GetByLabel("Text", new() { Exact = true });
        await Assertions.Expect(markdown).ToHaveValueAsync("Warm up first.\n");
        await markdown.FillAsync("Warm up first.\n\n## Then stretch\n");

        await Button(page, "Markdown").ClickAsync();
        await Assertions.Expect(page.Locator(".visual-editor h2")).ToHaveTextAsync("Then stretch");
        Assert.That(await page.Locator("textarea#Body").InputValueAsync(), Is.EqualTo("Warm up first.\n\n## Then stretch\n"));
    }

    [Test]
    public async Task Pasting_from_a_word_processor_keeps_the_formatting_and_drops_the_rest()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true }).ClickAsync();

        // What Word puts on the clipboard, trimmed: styled spans, a list as marked paragraphs, a script.
        const string html = """
            <html><head><style>p.MsoNormal { margin: 0 }</style></head><body><!--StartFragment-->
            <h1 style="color:#2f5496">Shin pain</h1>
            <p class="MsoNormal"><span style="font-weight:700;font-family:Calibri">Rest</span> <span style="font-style:italic">briefly</span>, then see
            <a href="https://clinic.example/book" onclick="steal()">a physio</a>.<o:p></o:p></p>
            <p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Ice<o:p></o:p></p>
            <p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Elevate<o:p></o:p></p>
            <script>alert(1)</script><img src="file:///C:/Users/owner/shin.png">
            <!--EndFragment--></body></html>
            """;
        await page.Locator(".visual-editor .ProseMirror").EvaluateAsync("""
            (editor, html) => {
              const data = new DataTransfer();
              data.setData("text/html", html);
              data.setData("text/plain", "Shin pain");
              editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, html);

        await Assertions.Expect(page.Locator("textarea#Body")).ToHaveValueAsync(
            "## Shin pain\n\n**Rest** *briefly*, then see [a physio](https://clinic.example/book).\n\n- Ice\n- Elevate\n");
    }

    /// <summary>Where the docs' pictures of the editor go (docs/manager.md shows them).</summary>
    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private async Task<(int Id, string Body)> PostAsync(string slug)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Slug == slug);
        return (post.Id, post.Body);
    }

    private async Task<(string ImageUrl, string FormTitle)> LibraryAsync()
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var image = await db.Media.AsNoTracking().Where(m => m.IsPublic && m.ContentType.StartsWith("image/") && !m.FileName.StartsWith("avatar")).OrderBy(m => m.Id).FirstAsync();
        var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Key == "knee-pain-ebook");
        return ("/media/" + image.FileName, form.Title);
    }
}
