using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cadence.Cms.Accounts;
using Cadence.Cms.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.Manager;

/// <summary>The clinic owner reading form submissions in Chromium: submissions sent over real HTTP, read in the real manager.</summary>
public class InboxInBrowserTests
{
    private const string Markup = "<img src=x onerror=\"alert('name')\">Eve";
    private const string Message = "=1+2 <script>alert('message')</script> & \"quoted\"";
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Forms:RateLimitPermits"] = "1000" });

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task A_submission_shows_escaped_marks_itself_read_moves_to_spam_and_back_and_exports_neutralised()
    {
        var email = await SubmitContactAsync(Markup, Message);
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" }).GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await page.GetByLabel("Email contains").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var row = page.Locator("table.inbox tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Unread");
        await Assertions.Expect(row).ToContainTextAsync(Markup);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Speak with a therapist" })).ToBeVisibleAsync();
        var values = await page.Locator("#fields dd").AllTextContentsAsync();
        Assert.That(values, Does.Contain(Markup).And.Contain(Message), "markup shown as the text that was typed");
        Assert.That(await page.Locator("#fields img, #fields script").CountAsync(), Is.Zero, "no element made from a field");
        await Assertions.Expect(page.Locator("#mail-state")).ToContainTextAsync("To clinic@stride-therapy.example");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move to spam" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved to Spam.");
        await Assertions.Expect(page.Locator("#spam-reason")).ToContainTextAsync("Marked as spam in the inbox.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the spam folder" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spam", Exact = true })).ToBeVisibleAsync();
        var spamRow = page.Locator("table.inbox tbody tr", new() { HasText = email });
        await Assertions.Expect(spamRow).ToContainTextAsync("Read", new() { Timeout = 15_000 });
        await spamRow.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Not spam: move to the inbox" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved back to the inbox.");
        await Assertions.Expect(page.Locator("#spam-reason")).ToHaveCountAsync(0);

        await page.GotoAsync($"{_cms.BaseUrl}/manager/inbox?form=contact-therapist&email={Uri.EscapeDataString(email)}");
        await Assertions.Expect(page.Locator("table.inbox tbody tr")).ToContainTextAsync("Read");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download these as CSV" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo("submissions-contact-therapist-inbox.csv"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(csv, Does.Contain(email));
        Assert.That(csv, Does.Contain("\"'=1+2 <script>alert('message')</script> & \"\"quoted\"\"\""), "the formula neutralised with a quote");
        Assert.That(dialogs, Is.Empty, "no script from a submission ran");
    }

    [Test]
    public async Task Erasing_an_address_asks_first_then_removes_its_rows()
    {
        var email = await SubmitContactAsync("Zoe", "Please forget me");
        var other = await SubmitContactAsync("Yan", "Keep me");
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.GotoAsync(_cms.BaseUrl + "/manager/inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase a person's data" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Find their data" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Email-error")).ToContainTextAsync("Enter the email address to erase.");

        await page.GetByLabel("Email address").FillAsync(email.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Find their data" }).ClickAsync();
        await Assertions.Expect(page.Locator("#erase-counts")).ToContainTextAsync("1 form submission");
        Assert.That(await CountAsync(email), Is.EqualTo(1), "nothing is erased before the second step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Erased 1 submission");

        Assert.That(await CountAsync(email), Is.Zero);
        Assert.That(await CountAsync(other), Is.EqualTo(1));
        await page.GotoAsync($"{_cms.BaseUrl}/manager/inbox?email={Uri.EscapeDataString(email)}");
        await Assertions.Expect(page.Locator("#submission-count")).ToContainTextAsync("0 submissions");
        await Assertions.Expect(page.Locator("table.inbox")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Keyboard_alone_filters_the_list_and_ticks_a_row_for_the_bulk_buttons()
    {
        var email = await SubmitContactAsync("Kit", "Keyboard only");
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms);
        await page.GotoAsync(_cms.BaseUrl + "/manager/inbox");
        await page.GetByLabel("Email contains").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#submission-count")).ToContainTextAsync("1 submission");

        await page.GetByLabel($"Select the submission from {email}").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 submission marked as read.");
        await Assertions.Expect(page.Locator("table.inbox tbody tr")).ToContainTextAsync("Read");
    }

    [Test]
    public async Task An_author_is_shown_the_denied_page_for_the_inbox()
    {
        var author = await ManagerSignIn.NewPersonAsync(_cms, Roles.Author);
        await using var browser = await Chromium.LaunchAsync();
        var page = await ManagerSignIn.AsAsync(browser, _cms, author, ManagerSignIn.Password);
        Assert.That(await page.GetByRole(AriaRole.Navigation, new() { Name = "Manager" }).GetByRole(AriaRole.Link, new() { Name = "Inbox" }).CountAsync(), Is.Zero);

        var response = await page.GotoAsync(_cms.BaseUrl + "/manager/inbox");
        Assert.That(response!.Status, Is.EqualTo(403));
        Assert.That(page.Url, Does.Contain("/manager/account/denied"));
        Assert.That(await page.Locator("table.inbox").CountAsync(), Is.Zero);
    }

    /// <summary>Sends the contact form as the site's script does, over HTTP; returns the unique email used.</summary>
    private async Task<string> SubmitContactAsync(string name, string message)
    {
        var email = $"reader-{Guid.NewGuid():N}"[..20] + "@runner.test";
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = name, ["email"] = email, ["topic"] = "Knee pain", ["message"] = message, ["consent"] = "true",
        });
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_cms.BaseUrl}/forms/contact-therapist")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return email;
    }

    private async Task<int> CountAsync(string email)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        return (await inbox.ListAsync(new InboxFilter(Email: email))).Total
            + (await inbox.ListAsync(new InboxFilter(Folder: SubmissionFolder.Spam, Email: email))).Total;
    }
}
