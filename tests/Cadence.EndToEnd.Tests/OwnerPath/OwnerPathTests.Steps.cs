using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.OwnerPath;

/// <summary>The two longer steps: writing the post as the owner, and sending its form as a reader.</summary>
public partial class OwnerPathTests
{
    /// <summary>Makes a real PNG in the page and pastes it into the editor, as a screenshot or a copied picture is.</summary>
    private const string PastePicture = """
        async (editor) => {
          const canvas = document.createElement("canvas");
          canvas.width = 960; canvas.height = 540;
          const g = canvas.getContext("2d");
          g.fillStyle = "#1f6f8b"; g.fillRect(0, 0, 960, 540);
          g.fillStyle = "#f4c542"; g.fillRect(0, 380, 960, 160);
          g.fillStyle = "#fff"; g.font = "bold 64px sans-serif"; g.fillText("Finish line", 60, 300);
          const blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
          const data = new DataTransfer();
          data.items.add(new File([blob], "image.png", { type: "image/png" }));
          editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """;

    private static async Task WritePostAsync(IPage page, PlainKeyboard keyboard, Walk walk)
    {
        // The visual editor itself, not its no-script textarea (hidden once the editor has mounted).
        var editor = page.Locator(".visual-editor .ProseMirror");
        await editor.ClickAsync();
        await keyboard.TypeAsync("Most first marathons take about four months of steady training.");
        await keyboard.PressAsync("Enter");

        await keyboard.TypeAsync("What a training week looks like");
        await Button(page, "Heading").ClickAsync();
        await keyboard.PressAsync("End");
        await keyboard.PressAsync("Enter");

        await Button(page, "Bulleted list").ClickAsync();
        await keyboard.TypeAsync("Three easy runs");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("One long run at a chatty pace");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("Two rest days");
        await keyboard.PressAsync("Enter");
        await keyboard.PressAsync("Enter");

        await keyboard.TypeAsync("For races near you, see ");
        await Button(page, "Link").ClickAsync();
        var linkDialog = page.Locator("#link-dialog");
        await keyboard.FillAsync(linkDialog.GetByLabel("Link address"), "https://www.englandathletics.org/");
        await keyboard.FillAsync(linkDialog.GetByLabel("Text to show"), "England Athletics");
        await linkDialog.GetByRole(AriaRole.Button, new() { Name = "Apply link" }).ClickAsync();
        await keyboard.PressAsync("Enter");

        await editor.EvaluateAsync(PastePicture);
        var altDialog = page.Locator("#alt-dialog");
        await Assertions.Expect(altDialog).ToBeVisibleAsync();
        await Assertions.Expect(altDialog.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await keyboard.FillAsync(altDialog.GetByLabel("Description (alt text)"), PictureAlt);
        await walk.ShootAsync("picture");
        await altDialog.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($".visual-editor img[alt='{PictureAlt}']")).ToHaveAttributeAsync("src", new Regex("^/media/"));

        await Button(page, "Add call to action").ClickAsync();
        var picker = page.Locator("#cta-dialog");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await walk.ShootAsync("call-to-action");
        await picker.GetByRole(AriaRole.Button, new() { Name = FormTitle }).ClickAsync();
        await Assertions.Expect(page.Locator(".visual-editor .cta-card")).ToContainTextAsync(FormTitle);

        // What the owner made is stored as the shared dialect's Markdown.
        var body = await page.Locator("textarea#Body").InputValueAsync();
        Assert.That(body, Does.Match("(?m)^## What a training week looks like$"), body);
        Assert.That(body, Does.Match("(?m)^- Three easy runs\n- One long run at a chatty pace\n- Two rest days$"), body);
        Assert.That(body, Does.Contain("[England Athletics](https://www.englandathletics.org/)"), body);
        Assert.That(body, Does.Match($@"(?m)^!\[{PictureAlt}\]\(/media/[^)]+\.png\)$"), body);
        Assert.That(body, Does.Match($"(?m)^::: form {FormKey}$"), body);
        await page.Locator("#body-label").ScrollIntoViewIfNeededAsync();
    }

    private static async Task SendAsReaderAsync(IPage site, Walk walk)
    {
        var form = site.Locator($"#form-{FormKey}");
        await form.ScrollIntoViewIfNeededAsync();
        await form.GetByLabel("Your name").FillAsync("Sam Reader");
        await form.Locator("input[type=email]").FillAsync(ReaderEmail);
        // The CMS files a form sent within seconds of the page loading as spam: wait until a person could have sent it.
        await site.WaitForFunctionAsync(
            "key => Date.now() - Number(document.querySelector(`#form-${key} input[name=_started]`).value) > 3500", FormKey);
        await form.GetByRole(AriaRole.Button, new() { Name = "Send me the plan" }).ClickAsync();

        var link = form.Locator(".form-status a");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await walk.ShootAsync("reader", site);
        using var client = new HttpClient();
        using var pdf = await client.GetAsync(await link.GetAttributeAsync("href"));
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"), "the link gives the PDF");
        var expected = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Content, "assets", "knee-pain-ebook.pdf"));
        Assert.That(await pdf.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected), "the very file the owner uploaded");
    }
}
