using System.Net;
using System.Text;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Seeding;
using Cadence.Cms.Tests.Manager;
using Cadence.Markdown.Folder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>Forms made and changed in the manager, then sent by readers to the CMS, over real HTTP.</summary>
public class FormEditorTests : SignedInAdminTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    protected override IDictionary<string, string?> Settings => TestSettings();

    [Test]
    public async Task A_download_form_made_in_the_manager_gives_readers_its_pdf_through_a_signed_link()
    {
        var page = await Admin.PageAsync("/manager/forms/new");
        page = await ManagerSession.ParseAsync(await FormEditorPages.PostAsync(Admin, page, "Fields", new() { ["FieldChange"] = "add" }));
        Assert.That(page.QuerySelectorAll("#fields [data-field]"), Has.Length.EqualTo(3), "the field was added without saving");

        var saved = await FormEditorPages.PostAsync(Admin, page, "Save", new()
        {
            ["Draft.Title"] = "Free marathon plan", ["Draft.Intro"] = "Sixteen weeks to race day.",
            ["Draft.Fields[2].Label"] = "Your next race", ["Draft.Fields[2].Type"] = "select", ["Draft.Fields[2].Required"] = "true",
            ["Draft.Fields[2].Options"] = "Half marathon\nMarathon", ["Draft.SubmitLabel"] = "Send me the plan",
            ["Draft.SuccessMessage"] = "Your plan is on its way.", ["Draft.GivesDownload"] = "true",
        }, ("Marathon Plan.pdf", Pdf));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());

        var form = await FormAsync("free-marathon-plan");
        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"/manager/forms/{form.Id}"));
        Assert.That(form.Fields.Select(f => (f.Name, f.Type, f.Required)), Is.EqualTo(new[]
        {
            ("your_name", "text", true), ("email", "email", true), ("your_next_race", "select", true),
        }));
        Assert.That(form.Fields[2].Options, Is.EqualTo(new[] { "Half marathon", "Marathon" }));
        Assert.That(form.ThankYouPath, Is.EqualTo("/thanks/free-marathon-plan/"), "readers without script land on the site's thank-you page");
        var media = await QueryAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.FileName == form.AssetFileName));
        Assert.That((media.FileName, media.IsPublic, media.ContentType), Is.EqualTo(("marathon-plan.pdf", false, "application/pdf")));

        var list = await Admin.PageAsync("/manager/forms");
        Assert.That(list.QuerySelector("#form-free-marathon-plan")!.TextContent, Does.Contain("Free marathon plan").And.Contain("Gives a download"));
        var picker = await Admin.PageAsync("/manager/posts/new");
        Assert.That(picker.Body!.InnerHtml, Does.Contain("free-marathon-plan"), "the post editor offers the new form as a call to action");

        var email = Unique("marathon");
        var wrongChoice = await FetchAsync(Cms, "free-marathon-plan", Reader(email, "Ultra"));
        Assert.That(wrongChoice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the choice accepts only its options");
        using var sent = await FetchAsync(Cms, "free-marathon-plan", Reader(email, "Marathon"));
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var answer = await JsonAsync(sent);
        Assert.That(answer.GetProperty("message").GetString(), Is.EqualTo("Your plan is on its way."));
        var download = answer.GetProperty("download").GetString()!;
        using var file = await NoRedirects().GetAsync(download);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await file.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
        var mail = await PickedUpAsync(Cms.DataPath, m => m.To.Mailboxes.Any(t => t.Address == email));
        Assert.That(mail.TextBody, Does.Contain(download), "the reader is mailed the same link");
        using var publicCopy = await NoRedirects().GetAsync($"{Cms.BaseUrl}/media/{media.FileName}");
        Assert.That(publicCopy.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the PDF is private");
    }

    [Test]
    public async Task A_file_that_is_not_a_pdf_is_refused_and_nothing_is_stored()
    {
        var mediaBefore = await QueryAsync(db => db.Media.CountAsync());
        var page = await Admin.PageAsync("/manager/forms/new");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var refused = await FormEditorPages.PostAsync(Admin, page, "Save",
            new() { ["Draft.Title"] = "Picture plan", ["Draft.GivesDownload"] = "true" }, ("plan.pdf", png));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var shown = await ManagerSession.ParseAsync(refused);
        Assert.That(shown.QuerySelector("#problems")!.TextContent, Does.Contain("“plan.pdf” is not a PDF"));
        Assert.That(await QueryAsync(db => db.Media.CountAsync()), Is.EqualTo(mediaBefore));
        Assert.That(await QueryAsync(db => db.Forms.AnyAsync(f => f.Title == "Picture plan")), Is.False);
    }

    [Test]
    public async Task The_editor_says_what_to_fix_in_plain_words()
    {
        var page = await Admin.PageAsync("/manager/forms/new");
        var refused = await FormEditorPages.PostAsync(Admin, page, "Save", new()
        {
            ["Draft.Title"] = "", ["Draft.Fields[0].Label"] = "Email", ["Draft.Fields[1].Label"] = "Email", ["Draft.Fields[1].Type"] = "text",
            ["Draft.Fields[0].Type"] = "text", ["Draft.GivesDownload"] = "true",
        });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var problems = (await ManagerSession.ParseAsync(refused)).QuerySelector("#problems")?.TextContent ?? await refused.Content.ReadAsStringAsync();
        Assert.That(problems, Does.Contain("Give the form a title.")
            .And.Contain("needs an “Email address” field")
            .And.Contain("Two fields are labelled “Email”")
            .And.Contain("Choose the PDF readers get"));
    }

    [Test]
    public async Task Fields_are_moved_and_removed_by_buttons_without_script()
    {
        var page = await Admin.PageAsync("/manager/forms/new");
        page = await ManagerSession.ParseAsync(await FormEditorPages.PostAsync(Admin, page, "Fields", new() { ["FieldChange"] = "down-0" }));
        Assert.That(Labels(page), Is.EqualTo(new[] { "Email address", "Your name" }));
        page = await ManagerSession.ParseAsync(await FormEditorPages.PostAsync(Admin, page, "Fields", new() { ["FieldChange"] = "remove-1" }));
        Assert.That(Labels(page), Is.EqualTo(new[] { "Email address" }));
        Assert.That(page.QuerySelector("#problems"), Is.Null, "moving fields is no failed save");
    }

    [Test]
    public async Task An_imported_starter_form_is_edited_and_readers_meet_the_change_at_once()
    {
        var form = await FormAsync("contact-therapist");
        var url = $"/manager/forms/{form.Id}";
        var page = await Admin.PageAsync(url);
        Assert.That(page.QuerySelector("input[name='Draft.Key']")!.HasAttribute("readonly"), Is.True, "posts use it, so its key is fixed");
        Assert.That(page.QuerySelector("#key-hint")!.TextContent, Does.Contain("Knee pain when running"));
        var before = await QueryAsync(db => db.ContentChanges.CountAsync(c => c.Slug == null));

        page = await ManagerSession.ParseAsync(await FormEditorPages.PostAsync(Admin, page, "Fields", new() { ["FieldChange"] = "add" }));
        var saved = await FormEditorPages.PostAsync(Admin, page, "Save", new()
        {
            ["Draft.Fields[6].Label"] = "Your running club", ["Draft.Fields[6].Required"] = "true", ["Draft.SuccessMessage"] = "Thanks, we will call.",
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());

        var stored = await FormAsync("contact-therapist");
        Assert.That(stored.Fields.Select(f => f.Name), Is.EqualTo(form.Fields.Select(f => f.Name).Append("your_running_club")));
        Assert.That(stored.Fields.Take(6), Is.EqualTo(form.Fields).Using<FormField>(Same), "the imported fields keep their names, lengths and options");
        Assert.That(await QueryAsync(db => db.ContentChanges.CountAsync(c => c.Slug == null)), Is.GreaterThan(before), "the changes feed tells the site to rebuild");

        using var missing = await FetchAsync(Cms, "contact-therapist", Contact(Unique("club")));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the new required field counts at once");
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("your_running_club"));
        var body = Contact(Unique("club"));
        body["your_running_club"] = "Hill Harriers";
        using var sent = await FetchAsync(Cms, "contact-therapist", body);
        Assert.That((await JsonAsync(sent)).GetProperty("message").GetString(), Is.EqualTo("Thanks, we will call."));
    }

    [Test]
    public async Task A_save_based_on_an_older_version_is_refused_showing_theirs_and_saving_again_overwrites()
    {
        var form = await FormAsync("newsletter");
        var url = $"/manager/forms/{form.Id}";
        using var second = await ManagerSession.SignedInAsync(Cms);
        var opened = await second.PageAsync(url);

        var first = await FormEditorPages.PostAsync(Admin, await Admin.PageAsync(url), "Save", new() { ["Draft.Title"] = "Monthly run tips" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var refused = await FormEditorPages.PostAsync(second, opened, "Save", new() { ["Draft.SubmitLabel"] = "Sign me up" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await ManagerSession.ParseAsync(refused);
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#conflict")!.TextContent, Does.Contain("Someone else saved this form after you opened it"));
            Assert.That(page.QuerySelectorAll("#stored-now dt").Select(d => d.TextContent), Is.EqualTo(new[] { "Title", "Send button" }));
            Assert.That(page.QuerySelector("#stored-now")!.TextContent, Does.Contain("Monthly run tips"));
            Assert.That(page.QuerySelector("input[name='Draft.SubmitLabel']")!.GetAttribute("value"), Is.EqualTo("Sign me up"), "their own value stays");
            Assert.That(page.QuerySelector("#save-form")!.TextContent, Is.EqualTo("Save mine anyway"));
        });
        Assert.That((await FormAsync("newsletter")).Title, Is.EqualTo("Monthly run tips"), "the first save is not lost");

        var again = await FormEditorPages.PostAsync(second, page, "Save", []);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = await FormAsync("newsletter");
        Assert.That((stored.Title, stored.SubmitLabel), Is.EqualTo(("Get new run tips by email", "Sign me up")), "saving from the refused page overwrites deliberately");
    }

    [Test]
    public async Task A_form_that_posts_use_is_not_deleted_and_the_posts_are_named()
    {
        var form = await FormAsync("knee-pain-ebook");
        var refused = await Admin.SubmitAsync($"/manager/forms/{form.Id}", [], formSelector: "form.delete-form");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var shown = await Admin.PageAsync(refused.Headers.Location!.OriginalString);
        Assert.That(shown.QuerySelector(".notice.error")!.TextContent, Does.Contain("was not deleted").And.Contain("“Knee pain when running”"));
        Assert.That(await QueryAsync(db => db.Forms.AnyAsync(f => f.Key == "knee-pain-ebook")), Is.True);

        var page = await Admin.PageAsync("/manager/forms/new");
        await FormEditorPages.PostAsync(Admin, page, "Save", new() { ["Draft.Title"] = "Short lived" });
        var unused = await FormAsync("short-lived");
        var deleted = await Admin.SubmitAsync($"/manager/forms/{unused.Id}", [], formSelector: "form.delete-form");
        Assert.That(deleted.Headers.Location!.OriginalString, Is.EqualTo("/manager/forms"));
        Assert.That(await QueryAsync(db => db.Forms.AnyAsync(f => f.Key == "short-lived")), Is.False);
    }

    [Test]
    public async Task Export_writes_edited_forms_back_as_they_are_stored()
    {
        var page = await Admin.PageAsync("/manager/forms/new");
        await FormEditorPages.PostAsync(Admin, page, "Save", new()
        {
            ["Draft.Title"] = "Race-day checklist", ["Draft.NotificationEmail"] = "coach@clinic.test", ["Draft.GivesDownload"] = "true",
            ["Draft.Fields[1].Label"] = "Which race?", ["Draft.Fields[1].Type"] = "select", ["Draft.Fields[1].Options"] = "10 km\nHalf",
            ["Draft.Fields[0].Type"] = "email", ["Draft.Fields[0].Label"] = "Email address",
        }, ("checklist.pdf", Pdf));
        var folder = RepoPaths.NewTempFolder("forms-export");
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(folder);

        var exported = ContentFolderReader.Load(folder);
        var stored = await QueryAsync(db => db.Forms.AsNoTracking().OrderBy(f => f.Key).ToListAsync());
        Assert.That(exported.Forms.OrderBy(f => f.Key).Select(Describe), Is.EqualTo(stored.Select(Describe)));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "assets", "checklist.pdf")), Is.EqualTo(Pdf));
    }

    [Test]
    public async Task An_author_can_neither_open_nor_change_forms()
    {
        var email = $"author-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Author, "granite-willow-ferry-nine", "Author");
        using var author = await ManagerSession.SignedInAsync(Cms, email, "granite-willow-ferry-nine");
        var form = await FormAsync("newsletter");
        foreach (var url in new[] { "/manager/forms", "/manager/forms/new", $"/manager/forms/{form.Id}" })
        {
            var response = await author.GetAsync(url);
            Assert.That(response.Headers.Location?.ToString(), Does.Contain("/manager/account/denied"), url);
        }
        var forced = await author.PostWithTokenAsync("/manager/posts/new", $"/manager/forms/{form.Id}?handler=Delete", []);
        Assert.That(forced.Headers.Location?.ToString(), Does.Contain("/manager/account/denied"));
        Assert.That(await QueryAsync(db => db.Forms.AnyAsync(f => f.Id == form.Id)), Is.True);
    }

    private static string[] Labels(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#fields [data-field] input[name$='.Label']").Select(i => i.GetAttribute("value") ?? "").ToArray();

    private static Dictionary<string, object?> Reader(string email, string race) => new()
    {
        ["your_name"] = "Ada", ["email"] = email, ["your_next_race"] = race, ["website"] = "", ["_started"] = StartedLongAgo(),
    };

    private static bool Same(FormField a, FormField b) =>
        (a.Name, a.Type, a.Label, a.Required, a.MaxLength) == (b.Name, b.Type, b.Label, b.Required, b.MaxLength) && a.Options.SequenceEqual(b.Options);

    private static string Describe(FormFile f) => string.Join(" | ", f.Key, f.Title, f.Intro, f.SubmitLabel, f.SuccessMessage, f.ThankYouPath,
        f.NotificationEmail, f.Asset, string.Join("; ", f.Fields.Select(x => $"{x.Name},{x.Type},{x.Label},{x.Required},{x.MaxLength},{string.Join("/", x.Options)}")));

    private static string Describe(FormDefinition f) => Describe(new FormFile(f.Key, f.Title, f.Intro, f.SubmitLabel, f.SuccessMessage, f.ThankYouPath,
        f.NotificationEmail, f.AssetFileName is null ? null : "/assets/" + f.AssetFileName,
        f.Fields.Select(x => new FormFieldFile(x.Name, x.Type, x.Label, x.Required, x.MaxLength, x.Options)).ToList()));

    private Task<FormDefinition> FormAsync(string key) => QueryAsync(db => db.Forms.AsNoTracking().SingleAsync(f => f.Key == key));

    private async Task<T> QueryAsync<T>(Func<CadenceDb, Task<T>> query)
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CadenceDb>());
    }
}
