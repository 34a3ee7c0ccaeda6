using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>
/// The editor tells the truth about publishing (the address the site uses, whether the site confirmed the update)
/// and never lets two people's saves silently overwrite each other. Real CMS, real webhook receiver, real HTTP.
/// </summary>
public class PublishingAndConcurrentEditsTests
{
    private const string Secret = "publishing-test-secret-0123456789";
    private const string Password = "second-editor-harbour-lamp";
    private WebhookReceiver _site = null!;
    private CmsServer _cms = null!;
    private ManagerSession _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _site = await WebhookReceiver.StartAsync(Secret);
        _cms = await CmsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Cadence:Webhooks:Endpoints:0:Url"] = _site.Url,
            ["Cadence:Webhooks:Endpoints:0:Secret"] = Secret,
            ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
            ["Cadence:Webhooks:Debounce"] = "00:00:00",
            ["Cadence:Webhooks:PollInterval"] = "00:00:00.200",
        });
        _admin = await ManagerSession.SignedInAsync(_cms);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _admin.Dispose();
        await _cms.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Test]
    public async Task The_delivery_api_states_each_posts_path_on_the_site()
    {
        using var api = _cms.Client(_cms.ContentKey);
        var post = await api.GetFromJsonAsync<JsonElement>("api/v1/posts/knee-pain-when-running");
        Assert.That(post.GetProperty("path").GetString(), Is.EqualTo("/posts/knee-pain-when-running/"));
        var list = await api.GetFromJsonAsync<JsonElement>("api/v1/posts");
        Assert.That(list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("path").GetString()),
            Is.EqualTo(list.GetProperty("items").EnumerateArray().Select(p => $"/posts/{p.GetProperty("slug").GetString()}/")));
    }

    [Test]
    public async Task The_editor_shows_the_address_the_site_uses()
    {
        var id = await IdOfAsync("knee-pain-when-running");
        var site = await SettingAsync();
        var page = await _admin.PageAsync($"/manager/posts/{id}");
        Assert.That(page.QuerySelector(".search-url")!.TextContent, Is.EqualTo($"{site}/posts/knee-pain-when-running/"));
        Assert.That(page.QuerySelector("#view-on-site")!.GetAttribute("href"), Is.EqualTo($"{site}/posts/knee-pain-when-running/"));
    }

    [Test]
    public async Task After_publishing_the_editor_says_the_site_was_updated_once_the_webhook_answered()
    {
        var title = "Live check " + Guid.NewGuid().ToString("N")[..6];
        var published = await _admin.SubmitAsync("/manager/posts/new", new() { ["Title"] = title, ["Body"] = "Now on the site." }, "Publish", "#post-form");
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var editorUrl = published.Headers.Location!.ToString();
        var slug = Cadence.Markdown.Slug.From(title);

        JsonElement status = default;
        for (var i = 0; i < 100; i++)
        {
            status = await (await _admin.GetAsync(editorUrl + "?handler=Status")).Content.ReadFromJsonAsync<JsonElement>();
            if (status.GetProperty("siteState").GetString() == "Live") break;
            await Task.Delay(100);
        }
        Assert.That(status.GetProperty("siteState").GetString(), Is.EqualTo("Live"), status.ToString());
        Assert.That(status.GetProperty("siteText").GetString(), Does.StartWith("Live on your site since "));
        Assert.That(status.GetProperty("viewUrl").GetString(), Does.EndWith($"/posts/{slug}/"));
        Assert.That(_site.All.Any(w => w.Slugs.Contains(slug)), "the receiver was told about the post");

        var page = await _admin.PageAsync(editorUrl);
        Assert.That(page.QuerySelector("#site-update")!.TextContent, Does.StartWith("Live on your site since "), "right on reload, without script");
    }

    [Test]
    public async Task A_save_based_on_an_older_version_is_refused_and_nothing_is_lost()
    {
        var id = await NewDraftAsync("First words.");
        var first = await FormAsync($"/manager/posts/{id}");
        var second = await FormAsync($"/manager/posts/{id}");

        var firstSave = await _admin.PostPairsAsync(first.Action + "?handler=Save", With(first.Values, "Body", "Words from the first tab."));
        Assert.That(firstSave.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var autosave = await _admin.PostPairsAsync(second.Action + "?handler=Autosave", With(second.Values, "Body", "Words from the second tab."));
        Assert.That(autosave.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await autosave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), Does.Contain("Someone else saved"));

        var refused = await _admin.PostPairsAsync(second.Action + "?handler=Save", With(second.Values, "Body", "Words from the second tab."));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(refused);
        Assert.That(page.QuerySelector("#problems")!.TextContent, Does.Contain("someone else saved this post"));
        Assert.That(page.QuerySelector("#theirs-body")!.TextContent, Is.EqualTo("Words from the first tab."));
        Assert.That(page.QuerySelector("#Body")!.TextContent.Trim(), Is.EqualTo("Words from the second tab."), "the refused text stays in the form");
        Assert.That(page.QuerySelector("#conflict-diff")!.TextContent, Does.Contain("theirs  Words from the first tab.").And.Contain("yours   Words from the second tab."));
        Assert.That((await PostAsync(id)).Body, Is.EqualTo("Words from the first tab."), "the first save stands");

        // Keep mine: the explicit button carries the version the person has now seen.
        var keep = page.QuerySelector("button[name=Replacing]")!;
        var pairs = FormValues(page, "#post-form").Append(new("Replacing", keep.GetAttribute("value")!));
        var kept = await _admin.PostPairsAsync(keep.GetAttribute("formaction")!, pairs);
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await kept.Content.ReadAsStringAsync());
        Assert.That((await PostAsync(id)).Body, Is.EqualTo("Words from the second tab."));
    }

    [Test]
    public async Task A_pages_own_autosaves_do_not_make_it_stale()
    {
        var id = await NewDraftAsync("Draft.");
        var form = await FormAsync($"/manager/posts/{id}");
        foreach (var text in new[] { "One.", "One. Two.", "One. Two. Three." })
        {
            var saved = await _admin.PostPairsAsync(form.Action + "?handler=Autosave", With(form.Values, "Body", text));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        }
        var status = await (await _admin.GetAsync($"/manager/posts/{id}?handler=Status&version={Field(form.Values, "Version")}&session={Field(form.Values, "EditSession")}"))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(status.GetProperty("stale").GetBoolean(), Is.False);
        Assert.That((await PostAsync(id)).Body, Is.EqualTo("One. Two. Three."));
    }

    [Test]
    public async Task The_editor_shows_who_else_has_the_post_open()
    {
        var id = await NewDraftAsync("Shared.");
        var email = $"sam-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = _cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Editor, Password, "Sam");
        using var sam = await ManagerSession.SignedInAsync(_cms, email, Password);

        await sam.PageAsync($"/manager/posts/{id}");
        var page = await _admin.PageAsync($"/manager/posts/{id}");
        Assert.That(page.QuerySelector("#presence")!.TextContent, Is.EqualTo("Sam is also editing this post."));
        var status = await (await sam.GetAsync($"/manager/posts/{id}?handler=Status")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(status.GetProperty("others").GetString(), Does.Contain("is also editing this post").And.Not.Contain("Sam "));
    }

    private sealed record OpenForm(string Action, List<KeyValuePair<string, string>> Values);

    private async Task<OpenForm> FormAsync(string url)
    {
        var page = await _admin.PageAsync(url);
        return new OpenForm(page.QuerySelector("#post-form")!.GetAttribute("action")!, FormValues(page, "#post-form"));
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlDocument page, string selector)
    {
        var form = (IHtmlFormElement)page.QuerySelector(selector)!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" or "file" or "submit" }: continue;
                case IHtmlInputElement input when input.Name is { Length: > 0 }: values.Add(new(input.Name, input.Value)); break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 }: values.Add(new(area.Name, area.Value)); break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 }: values.Add(new(select.Name, select.Value ?? "")); break;
            }
        }
        return values;
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> values, string name, string value) =>
        [.. values.Where(v => v.Key != name), new(name, value)];

    private static string Field(List<KeyValuePair<string, string>> values, string name) => values.Single(v => v.Key == name).Value;

    private async Task<int> NewDraftAsync(string body)
    {
        var response = await _admin.SubmitAsync("/manager/posts/new", new() { ["Title"] = "Draft " + Guid.NewGuid().ToString("N")[..6], ["Body"] = body }, "Save", "#post-form");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<Post> PostAsync(int id)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<int> IdOfAsync(string slug)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
    }

    private async Task<string> SettingAsync()
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PostAddress>().SiteAsync();
    }
}
