using System.Text.RegularExpressions;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>
/// Pictures in the flow of writing, in Chromium against the real CMS: a pasted or dropped picture is described once,
/// uploaded and put where the cursor is; the cover is chosen from the library; the preview shows it without a publish.
/// </summary>
public class PostImagesInBrowserTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    /// <summary>Makes a real PNG in the page and hands it to the editor as a paste or a drop would.</summary>
    private const string GivePicture = """
        async (editor, [how, label]) => {
          const canvas = document.createElement("canvas");
          canvas.width = 480; canvas.height = 270;
          const g = canvas.getContext("2d");
          g.fillStyle = "#1f6f8b"; g.fillRect(0, 0, 480, 270);
          g.fillStyle = "#fff"; g.font = "bold 36px sans-serif"; g.fillText(label, 30, 150);
          const blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
          const data = new DataTransfer();
          data.items.add(new File([blob], how === "paste" ? "image.png" : "hamstring-stretch.png", { type: "image/png" }));
          if (how === "paste") {
            editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
          } else {
            const box = editor.querySelector("p:last-child").getBoundingClientRect();
            const at = { clientX: box.right - 2, clientY: box.top + box.height / 2, dataTransfer: data, bubbles: true, cancelable: true };
            editor.dispatchEvent(new DragEvent("dragover", at));
            editor.dispatchEvent(new DragEvent("drop", at));
          }
        }
        """;

    [TestCase(1280, 900)]
    [TestCase(390, 844)]
    public async Task A_pasted_and_a_dropped_picture_are_described_once_uploaded_and_shown_in_the_preview_before_publishing(int width, int height)
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        var complaints = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") complaints.Add(message.Text); };
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync($"Stretching after a long run {width}");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true });
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Start with the front of the thigh.");
        await page.Keyboard.PressAsync("Enter");

        var pasted = $"A runner pulling her heel towards her seat, {width}";
        await editor.EvaluateAsync(GivePicture, new object[] { "paste", $"Quad stretch {width}" });
        var altDialog = page.Locator("#alt-dialog");
        await Assertions.Expect(altDialog).ToBeVisibleAsync();
        await Assertions.Expect(altDialog.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await altDialog.GetByLabel("Description (alt text)").FillAsync(pasted);
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-post-image-describe-{width}.png") });
        await altDialog.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var pastedImage = page.Locator($".visual-editor img[alt='{pasted}']");
        await Assertions.Expect(pastedImage).ToHaveAttributeAsync("src", new Regex("^/media/image(-\\d+)?\\.png$"));
        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("is in the media library");
        var pastedUrl = (await pastedImage.GetAttributeAsync("src"))!;

        await page.Keyboard.TypeAsync("Then the back of the thigh.");
        var dropped = $"A runner with one heel on a bench, leaning forward, {width}";
        await editor.EvaluateAsync(GivePicture, new object[] { "drop", $"Hamstrings {width}" });
        await altDialog.GetByLabel("Description (alt text)").FillAsync(dropped);
        await altDialog.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var droppedImage = page.Locator($".visual-editor img[alt='{dropped}']");
        await Assertions.Expect(droppedImage).ToHaveAttributeAsync("src", new Regex("^/media/hamstring-stretch(-\\d+)?\\.png$"));
        Assert.That(await droppedImage.EvaluateAsync<int>("img => img.naturalWidth"), Is.EqualTo(480));
        await editor.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-post-image-{width}.png") });

        // The cover: chosen from the library, where the picture just pasted already is, its description offered.
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose…" }).ClickAsync();
        var library = page.Locator("#image-dialog");
        await Assertions.Expect(library.GetByRole(AriaRole.Heading, new() { Name = "Choose a cover image" })).ToBeVisibleAsync();
        await library.Locator($"input[value='{pastedUrl}']").CheckAsync();
        await Assertions.Expect(library.GetByLabel("Description (alt text)")).ToHaveValueAsync(pasted);
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-cover-choose-{width}.png") });
        await library.GetByRole(AriaRole.Button, new() { Name = "Use as cover" }).ClickAsync();
        var cover = page.Locator("#cover-thumb");
        await Assertions.Expect(cover).ToHaveAttributeAsync("src", pastedUrl);
        await Assertions.Expect(page.GetByLabel("Image description (alt text)")).ToHaveValueAsync(pasted);
        await cover.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-cover-{width}.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/manager/posts/\d+$"));
        await Assertions.Expect(page.Locator("p.notice").First).ToBeVisibleAsync();
        var slug = await page.GetByLabel("Web address (slug)").InputValueAsync();
        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Slug == slug);
            Assert.That(post.Body, Does.Contain($"![{pasted}]({pastedUrl})"), post.Body);
            Assert.That(post.Body, Does.Match($@"(?m)^!\[{Regex.Escape(dropped)}\]\(/media/hamstring-stretch(-\d+)?\.png\)$"), post.Body);
            Assert.That(post.Body.IndexOf("front of the thigh", StringComparison.Ordinal), Is.LessThan(post.Body.IndexOf(pasted, StringComparison.Ordinal)));
            Assert.That(post.Image, Is.EqualTo(pastedUrl));
            Assert.That(post.ImageAlt, Is.EqualTo(pasted));
            var media = await db.Media.AsNoTracking().SingleAsync(m => "/media/" + m.FileName == pastedUrl);
            Assert.That(media.Alt, Is.EqualTo(pasted), "the description is kept with the media item");
        }
        await Assertions.Expect(page.Locator("#cover-thumb")).ToHaveAttributeAsync("src", pastedUrl);

        // The preview (the CMS's own, as no site preview server is configured here): the new pictures load, unpublished.
        var preview = await page.Locator("#preview-link").GetAttributeAsync("href");
        await page.GotoAsync(_cms.BaseUrl + preview);
        foreach (var image in new[] { page.Locator($"article img[alt='{pasted}']").First, page.Locator($"article img[alt='{dropped}']") })
        {
            await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.That(await image.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0));
        }
        await page.ScreenshotAsync(new() { Path = Screenshot($"manager-post-image-preview-{width}.png") });
        Assert.That(complaints, Is.Empty, "script errors or Content-Security-Policy refusals");
    }

    [Test]
    public async Task A_refused_upload_says_why_and_leaves_nothing_in_the_text()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.GotoAsync(_cms.BaseUrl + "/manager/posts/new");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true });
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Before.");
        // A file that calls itself a PNG but is not one: the server checks the content.
        await editor.EvaluateAsync("""
            editor => {
              const data = new DataTransfer();
              data.items.add(new File(["not a picture"], "fake.png", { type: "image/png" }));
              editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """);
        var altDialog = page.Locator("#alt-dialog");
        await altDialog.GetByLabel("Description (alt text)").FillAsync("Nothing really");
        await altDialog.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("is not a picture");
        await Assertions.Expect(page.Locator("#upload-status")).ToHaveClassAsync(new Regex("failed"));
        await Assertions.Expect(page.Locator(".upload-placeholder")).ToHaveCountAsync(0);
        Assert.That(await page.Locator(".visual-editor img").CountAsync(), Is.EqualTo(0));
        Assert.That(await page.Locator("textarea#Body").InputValueAsync(), Is.EqualTo("Before.\n"));
    }

    [Test]
    public async Task The_site_preview_server_shows_a_picture_uploaded_after_its_last_build()
    {
        var output = Path.Combine(RepoPaths.NewTempFolder("serve-preview-media"), "site");
        var (serve, siteUrl) = await SiteCommand.ServeAsync("--api", _cms.BaseUrl, "--key", _cms.ContentKey, "--preview-key", _cms.PreviewKey, "--preview-secret", SiteCommand.PreviewSecret, "--out", output);
        await using var _ = serve;

        // After the build: a new picture, used by a draft.
        string url, slug;
        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
            var media = await scope.ServiceProvider.GetRequiredService<Cadence.Cms.Media.MediaLibrary>().AddAsync("after-the-build.png", png, true, "A dot");
            url = media.Url;
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var draft = await db.Posts.FirstAsync(p => p.Status == Cadence.Cms.Content.PostStatus.Draft && p.DeletedAt == null);
            draft.Body += $"\n\n![A dot]({url})\n";
            draft.Image = url;
            draft.ImageAlt = "A dot";
            await db.SaveChangesAsync();
            slug = draft.Slug;
        }
        Assert.That(File.Exists(Path.Combine(output, url.TrimStart('/'))), Is.False, "the picture is in no build yet");

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(siteUrl + SiteCommand.PreviewPath(slug));
        var images = page.Locator($"img[src$='{url}']");
        Assert.That(await images.CountAsync(), Is.GreaterThan(0), await page.ContentAsync());
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            await Assertions.Expect(images.Nth(i)).ToHaveJSPropertyAsync("complete", true);
            Assert.That(await images.Nth(i).EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), serve.Output);
        }

        using var site = new HttpClient { BaseAddress = new Uri(siteUrl) };
        using var missing = await site.GetAsync("/media/no-such-file.png");
        Assert.That(missing.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(File.Exists(Path.Combine(output, url.TrimStart('/'))), Is.False, "previewing writes nothing into the output");
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
