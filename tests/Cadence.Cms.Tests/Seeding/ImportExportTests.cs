using Cadence.Cms.Data;
using Cadence.Cms.Seeding;
using Cadence.Contract;
using Cadence.Markdown.Folder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Seeding;

public class ImportExportTests
{
    [Test]
    public async Task A_second_start_on_the_same_database_imports_nothing_again()
    {
        string dataPath;
        int posts, media;
        await using (var first = await CmsServer.StartAsync())
        {
            dataPath = first.DataPath;
            (posts, media) = await Counts(first);
            Assert.That(posts, Is.EqualTo(8 + 3), "eight posts and three pages");
        }

        await using var second = await CmsServer.StartAsync(dataPath: dataPath);
        Assert.That(await Counts(second), Is.EqualTo((posts, media)));
    }

    [Test]
    public async Task Import_then_export_gives_equivalent_files()
    {
        await using var cms = await CmsServer.StartAsync();
        var exported = RepoPaths.NewTempFolder("export");
        await using (var scope = cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(exported);

        var original = ContentFolderReader.Load(RepoPaths.Content);
        var copy = ContentFolderReader.Load(exported);

        Assert.That(copy.Site, Is.EqualTo(original.Site).Using<SiteFile>(SameSite));
        Assert.That((copy.Site!.Logo, copy.Site.Icon, copy.Site.Clinic.Phone, copy.Site.Clinic.OpeningHours.Count),
            Is.EqualTo(("/media/stride-logo.png", "/media/stride-icon.png", "01632 960 481", 6)), "the brand and the clinic's details were carried, not just equally empty");
        Assert.That(copy.Authors, Is.EqualTo(original.Authors));
        var knee = copy.Posts.Single(p => p.Slug == "knee-pain-when-running");
        Assert.That((knee.ReviewedBy, knee.LastReviewed, knee.Featured, copy.Authors.Count(a => a.Credentials is not null)),
            Is.EqualTo(("tom-reddy", (DateOnly?)new DateOnly(2026, 11, 20), true, 2)), "the review, the featured flag and the credentials were carried, not just equally empty");
        Assert.That(copy.Forms.Select(Describe), Is.EqualTo(original.Forms.Select(Describe)));
        var originalPosts = original.Posts.OrderBy(p => p.Slug).Select(Describe).ToList();
        var copiedPosts = copy.Posts.OrderBy(p => p.Slug).Select(Describe).ToList();
        Assert.That(copiedPosts, Is.EqualTo(originalPosts));
        Assert.That(original.Pages.Select(p => p.Slug), Is.EqualTo(new[] { "about", "contact", "privacy" }), "the starter pages");
        Assert.That(copy.Pages.OrderBy(p => p.Slug).Select(Describe), Is.EqualTo(original.Pages.OrderBy(p => p.Slug).Select(Describe)));
        Assert.That(copy.Files.Select(f => f.Url), Is.EquivalentTo(original.Files.Select(f => f.Url)));
        foreach (var file in original.Files)
            Assert.That(File.ReadAllBytes(copy.Files.Single(f => f.Url == file.Url).FullPath), Is.EqualTo(File.ReadAllBytes(file.FullPath)), file.Url);
    }

    [Test]
    public async Task The_site_language_survives_import_and_export()
    {
        var content = RepoPaths.NewTempFolder("content-fr");
        CopyFolder(RepoPaths.Content, content);
        var siteYml = Path.Combine(content, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("language: en-GB\n", "language: fr-FR\n"));
        Assert.That(ContentFolderReader.Load(content).Site!.Language, Is.EqualTo("fr-FR"));

        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:ContentPath"] = content });
        var exported = RepoPaths.NewTempFolder("export-fr");
        await using (var scope = cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(exported);

        Assert.That(File.ReadAllText(Path.Combine(exported, "site.yml")), Does.Contain("language: fr-FR\n"));
        Assert.That(ContentFolderReader.Load(exported).Site!.Language, Is.EqualTo("fr-FR"));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private static bool SameSite(SiteFile a, SiteFile b) =>
        a with { Navigation = [], Social = [], Clinic = ClinicDetails.Empty } == b with { Navigation = [], Social = [], Clinic = ClinicDetails.Empty }
        && a.Navigation.SequenceEqual(b.Navigation) && a.Social.SequenceEqual(b.Social)
        && a.Clinic with { OpeningHours = [] } == b.Clinic with { OpeningHours = [] } && a.Clinic.OpeningHours.SequenceEqual(b.Clinic.OpeningHours);

    private static string Describe(PageFile p) =>
        $"{p.Title}|{p.Slug}|{p.Date?.UtcDateTime:O}|{p.Status}|{p.Excerpt}|{p.SeoTitle}|{p.SeoDescription}|{p.Body.Trim()}";

    private static string Describe(PostFile p) =>
        $"{p.Title}|{p.Slug}|{p.Date?.UtcDateTime:O}|{p.Status}|{p.Excerpt}|{string.Join(",", p.Tags.Order())}|{p.Category}|{p.Author}|{p.Image}|{p.ImageAlt}|{p.SeoTitle}|{p.SeoDescription}|{p.ReviewedBy}|{p.LastReviewed}|{p.Featured}|{p.Body.Trim()}";

    private static string Describe(FormFile f) =>
        $"{f.Key}|{f.Title}|{f.Intro}|{f.SubmitLabel}|{f.SuccessMessage}|{f.ThankYouPath}|{f.NotificationEmail}|{f.Asset}|"
        + string.Join(";", f.Fields.Select(x => $"{x.Name},{x.Type},{x.Label},{x.Required},{x.MaxLength},{string.Join("/", x.Options)}"));

    private static async Task<(int Posts, int Media)> Counts(CmsServer cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        return (await db.Posts.CountAsync(), await db.Media.CountAsync());
    }
}
