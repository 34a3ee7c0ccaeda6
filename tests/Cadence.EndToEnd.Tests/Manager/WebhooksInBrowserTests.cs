using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>
/// The webhooks page in Chromium: an endpoint added in the manager (a real receiver on 127.0.0.1), a publish that
/// reaches it, the delivery in the log and on the dashboard, and Redeliver sending it again.
/// </summary>
public class WebhooksInBrowserTests
{
    private const string Secret = "a-receiver-secret-of-some-length";

    [Test]
    public async Task An_endpoint_added_in_the_manager_receives_a_publish_shows_it_delivered_and_redeliver_sends_it_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
            ["Cadence:Webhooks:PollInterval"] = "00:00:00.300",
            ["Cadence:Webhooks:Debounce"] = "00:00:00.500",
        });
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, cms);
        await Assertions.Expect(page.Locator("#last-delivery")).ToContainTextAsync("Publishing does not update your site by itself yet");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Developer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks and their delivery log" }).ClickAsync();
        await page.GetByLabel("URL (or owner/repo for GitHub)").FillAsync(receiver.Url);
        await page.GetByLabel("Signing secret").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Form_Secret-error")).ToContainTextAsync("at least");
        await page.GetByLabel("Signing secret").FillAsync(Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Added {receiver.Url}");
        await Assertions.Expect(page.Locator("#endpoints")).ToContainTextAsync(receiver.Url);

        await page.GotoAsync(cms.BaseUrl + "/manager/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Cadence drills for beginners");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Count your steps for a minute.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Published");
        var first = await receiver.NextWithSlugAsync("cadence-drills-for-beginners");
        Assert.That(first.SignatureValid, Is.True);

        var delivered = await ReloadUntilAsync(page, cms.BaseUrl + "/manager/webhooks", "#deliveries tbody tr >> nth=0", "delivered");
        Assert.That(delivered, Does.Contain("cadence-drills-for-beginners").And.Contain("204"));
        await page.GotoAsync(cms.BaseUrl + "/manager");
        await Assertions.Expect(page.Locator("#last-delivery")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Your site was last updated (just now|a minute ago)\.\s*$"));

        await page.GotoAsync(cms.BaseUrl + "/manager/webhooks");
        var rowsBefore = await page.Locator("#deliveries tbody tr").CountAsync();
        await page.Locator("#deliveries tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Queued for redelivery");
        var again = await receiver.NextWithSlugAsync("cadence-drills-for-beginners");
        Assert.That(again.Json.GetProperty("deliveryId").GetString(), Is.Not.EqualTo(first.Json.GetProperty("deliveryId").GetString()));
        await ReloadUntilAsync(page, cms.BaseUrl + "/manager/webhooks", "#deliveries tbody tr >> nth=0", "delivered");
        Assert.That(await page.Locator("#deliveries tbody tr").CountAsync(), Is.EqualTo(rowsBefore + 1));
    }

    /// <summary>Opens <paramref name="url"/> until the element's text contains <paramref name="text"/> (bounded: 20 s).</summary>
    private static async Task<string> ReloadUntilAsync(IPage page, string url, string selector, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await page.GotoAsync(url);
            var found = await page.Locator(selector).CountAsync() > 0 ? await page.Locator(selector).InnerTextAsync() : "";
            if (found.Contains(text, StringComparison.Ordinal)) return found;
            if (DateTime.UtcNow > deadline) throw new AssertionException($"'{selector}' never showed '{text}'; last: {found}");
            await Task.Delay(250);
        }
    }
}
