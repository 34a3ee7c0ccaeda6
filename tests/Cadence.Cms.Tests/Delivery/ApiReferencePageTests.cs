using Microsoft.Playwright;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>The API reference page, in Chromium under the CMS's own content security policy.</summary>
public class ApiReferencePageTests
{
    [Test]
    public async Task The_reference_page_loads_the_document_with_no_console_errors_and_nothing_from_elsewhere()
    {
        await using var cms = await CmsServer.StartAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) => { if (!request.Url.StartsWith(cms.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(request.Url); };

        await page.GotoAsync(cms.BaseUrl + "/api/reference", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        // The page renders the document after fetching it: the document's intro and operations appear once it has.
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('Read-only JSON for the clinic')", null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Root, "docs", "images", "api-reference.png") });
        Assert.That(await page.TitleAsync(), Is.EqualTo("Cadence delivery API"));
        Assert.That(await page.InnerTextAsync("body"), Does.Contain("A public media file").And.Contain("Delivery"), "the operations are shown");
        Assert.That(errors, Is.Empty);
        Assert.That(elsewhere, Is.Empty);
    }
}
