using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Media;
using Cadence.Cms.Settings;
using Cadence.Contract;
using Cadence.Markdown.Folder;
using Microsoft.EntityFrameworkCore;
using FormFile = Cadence.Markdown.Folder.FormFile;

namespace Cadence.Cms.Seeding;

/// <summary>
/// Imports a content folder into an empty database, in one transaction. Each file is one unit: a bad one (see
/// <see cref="ContentFolder.Problems"/>) is left out whole and reported in the log and on the dashboard (<see cref="ImportReport"/>);
/// the good ones are imported.
/// </summary>
public sealed class ContentImporter(CadenceDb db, MediaLibrary media, TimeProvider clock, ILogger<ContentImporter> log, ImportReport report)
{
    /// <returns>False when the database already holds content, so a second start imports nothing.</returns>
    public async Task<bool> ImportIfEmptyAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (await db.Settings.AnyAsync(cancellationToken)) return false;
        if (!Directory.Exists(folder))
        {
            log.LogWarning("No content folder at {Folder}; starting with an empty site", Path.GetFullPath(folder));
            db.Settings.Add(new SiteSettings { ClinicName = "My clinic", SiteTitle = "My clinic" });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        ContentFolder content;
        try
        {
            content = ContentFolderReader.Load(folder);
        }
        catch (ContentFormatException e)
        {
            // Not a content folder at all (no posts/): nothing of it can be imported, but the CMS still starts.
            content = new ContentFolder(folder, null, [], [], [], []) { Problems = [e.Message] };
        }
        var problems = new List<string>(content.Problems);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var file in content.Files)
            await media.AddAsync(Path.GetFileName(file.FullPath), await File.ReadAllBytesAsync(file.FullPath, cancellationToken), file.IsPublic, cancellationToken: cancellationToken);

        db.Settings.Add(ToSettings(content.Site, problems));
        var authors = content.Authors.ToDictionary(a => a.Slug, a => new Author { Slug = a.Slug, Name = a.Name, Bio = a.Bio, Avatar = a.Avatar, Credentials = a.Credentials });
        db.Authors.AddRange(authors.Values);
        db.Forms.AddRange(content.Forms.Select(ToForm));

        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in content.Posts)
        {
            db.Posts.Add(new Post
            {
                Title = file.Title, Slug = file.Slug, Excerpt = file.Excerpt, Body = file.Body,
                Status = Enum.Parse<PostStatus>(file.Status, ignoreCase: true),
                // A scheduled post's date is in the future; it was not created or changed then.
                PublishedAt = file.Date?.UtcDateTime, CreatedAt = Past(file.Date, now), UpdatedAt = Past(file.Date, now),
                Image = file.Image, ImageAlt = file.ImageAlt, SeoTitle = file.SeoTitle, SeoDescription = file.SeoDescription,
                SocialImage = file.SocialImage, CanonicalUrl = file.CanonicalUrl,
                Tags = file.Tags.Select(name => Term(tags, name, (slug, n) => new Tag { Slug = slug, Name = n })).Distinct().ToList(),
                Category = file.Category is null ? null : Term(categories, file.Category, (slug, n) => new Category { Slug = slug, Name = n }),
                Author = file.Author is null ? null : AuthorFor(authors, file.Author),
                ReviewedBy = file.ReviewedBy is null ? null : AuthorFor(authors, file.ReviewedBy), LastReviewed = file.LastReviewed,
                Featured = file.Featured,
            });
        }
        foreach (var file in content.Pages)
        {
            db.Posts.Add(new Post
            {
                Kind = PostKind.Page, Title = file.Title, Slug = file.Slug, Excerpt = file.Excerpt, Body = file.Body,
                Status = Enum.Parse<PostStatus>(file.Status, ignoreCase: true),
                PublishedAt = file.Date?.UtcDateTime, CreatedAt = Past(file.Date, now), UpdatedAt = Past(file.Date, now),
                SeoTitle = file.SeoTitle, SeoDescription = file.SeoDescription,
                ReviewedBy = file.ReviewedBy is null ? null : AuthorFor(authors, file.ReviewedBy), LastReviewed = file.LastReviewed,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var problem in problems) log.LogError("Content file left out of the import: {Problem}", problem);
        report.Record(problems);
        log.LogInformation("Imported {Posts} posts, {Pages} pages, {Forms} forms and {Files} files from {Folder}",
            content.Posts.Count, content.Pages.Count, content.Forms.Count, content.Files.Count, Path.GetFullPath(folder));
        return true;
    }

    private static DateTime Past(DateTimeOffset? date, DateTime now) => date?.UtcDateTime is { } utc && utc < now ? utc : now;

    private static T Term<T>(Dictionary<string, T> known, string name, Func<string, string, T> create)
    {
        var slug = Cadence.Markdown.Slug.From(name);
        if (!known.TryGetValue(slug, out var term)) known[slug] = term = create(slug, name);
        return term;
    }

    /// <summary>A front-matter author is a slug from authors.yml, or else a name (as Hugo sites write it).</summary>
    private static Author AuthorFor(Dictionary<string, Author> authors, string author)
    {
        if (authors.TryGetValue(author, out var known)) return known;
        var slug = Cadence.Markdown.Slug.From(author);
        if (!authors.TryGetValue(slug, out known)) authors[slug] = known = new Author { Slug = slug, Name = author };
        return known;
    }

    private static SiteSettings ToSettings(SiteFile? site, List<string> problems) => site is null
        ? new SiteSettings { ClinicName = "My clinic", SiteTitle = "My clinic" }
        : new SiteSettings
        {
            ClinicName = site.ClinicName, SiteTitle = site.Title, Description = site.Description, BaseUrl = site.BaseUrl,
            TimeZone = site.TimeZone, Language = LanguageOf(site, problems), NotificationEmail = site.NotificationEmail,
            Navigation = site.Navigation.Select(l => new SiteLink(l.Label, l.Url)).ToList(),
            Social = site.Social.Select(l => new SiteLink(l.Label, l.Url)).ToList(),
            ThemeColour = site.ThemeColour, Logo = site.Logo, Icon = site.Icon, Clinic = site.Clinic,
        };

    // Reported, never quiet: a silent fallback to English would publish a German site as English unnoticed.
    private static string LanguageOf(SiteFile site, List<string> problems)
    {
        if (LanguageTag.Normalise(site.Language) is { } language) return language;
        problems.Add($"site.yml: the language '{site.Language}' is not a known BCP 47 tag; {LanguageTag.Default} is used until it is one like en-GB or de-DE.");
        return LanguageTag.Default;
    }

    private static FormDefinition ToForm(FormFile form) => new()
    {
        Key = form.Key, Title = form.Title, Intro = form.Intro, SubmitLabel = form.SubmitLabel, SuccessMessage = form.SuccessMessage,
        ThankYouPath = form.ThankYouPath, NotificationEmail = form.NotificationEmail,
        AssetFileName = form.Asset is null ? null : Path.GetFileName(form.Asset),
        Fields = form.Fields.Select(f => new FormField(f.Name, f.Type, f.Label, f.Required, f.MaxLength, f.Options)).ToList(),
    };
}
