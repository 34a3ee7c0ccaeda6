using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>
/// The owner makes a download form in Chromium at desktop and phone widths: fields removed, added and given options in
/// place, a PDF chosen, saved, and found in the forms list. The editor and the list are photographed for docs/manager.md.
/// </summary>
public class FormsInBrowserTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [TestCase(1280, "Free marathon plan", "free-marathon-plan")]
    [TestCase(390, "Free half-marathon plan", "free-half-marathon-plan")]
    public async Task A_download_form_with_two_fields_and_a_pdf_is_made_without_typing_any_code(int width, string title, string key)
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
        if (width == 390) await page.Locator("#menu > summary").ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" }).GetByRole(AriaRole.Link, new() { Name = "Forms" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Make a new form" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New form" })).ToBeVisibleAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Introduction").FillAsync("Sixteen weeks of runs, rest days and strength work, ready to print.");
        var fields = page.Locator("#fields [data-field]");
        await fields.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(fields).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a field" }).ClickAsync();
        await Assertions.Expect(fields).ToHaveCountAsync(2);
        var race = fields.Nth(1);
        await Assertions.Expect(race.GetByLabel("Label")).ToBeFocusedAsync();
        await Assertions.Expect(race.GetByLabel("Options (for a choice), one a line")).ToBeHiddenAsync();
        await race.GetByLabel("Label").FillAsync("Your next race");
        await race.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Choice from a list" });
        await race.GetByLabel("Options (for a choice), one a line").FillAsync("10 km\nHalf marathon\nMarathon");
        await race.GetByLabel("Readers must fill this in").CheckAsync();
        await page.GetByLabel("Send button says").FillAsync("Send me the plan");
        await page.GetByLabel("Message after sending").FillAsync("Your plan is on its way: the link is below and in your inbox.");
        await page.GetByLabel("Readers get a file after sending").CheckAsync();
        await page.GetByLabel("PDF file").SetInputFilesAsync(new FilePayload
        {
            Name = "marathon-plan.pdf", MimeType = "application/pdf",
            Buffer = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Content, "assets", "knee-pain-ebook.pdf")),
        });
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(width), "nothing scrolls sideways");
        await page.ScreenshotAsync(new() { Path = Shot($"editor-{width}"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Save form" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{title}” saved.");
        await Assertions.Expect(page.Locator("#current-file")).ToContainTextAsync("marathon-plan");

        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var form = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Forms.AsNoTracking().SingleAsync(f => f.Key == key);
            Assert.That(form.Fields.Select(f => (f.Name, f.Type, f.Required)), Is.EqualTo(new[] { ("email", "email", true), ("your_next_race", "select", true) }));
            Assert.That(form.Fields[1].Options, Is.EqualTo(new[] { "10 km", "Half marathon", "Marathon" }));
            Assert.That(form.AssetFileName, Does.StartWith("marathon-plan"));
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "All forms" }).ClickAsync();
        var row = page.Locator($"#form-{key}");
        await Assertions.Expect(row).ToContainTextAsync("Gives a download");
        await Assertions.Expect(row).ToContainTextAsync("No posts yet");
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(width), "the list fits the screen");
        await page.ScreenshotAsync(new() { Path = Shot($"list-{width}"), FullPage = true });
    }

    private static string Shot(string name) => Path.Combine(RepoPaths.Root, "docs", "images", $"manager-forms-{name}.png");
}
