using Cadence.Cms.Data;
using Cadence.Cms.Media.Store;
using Cadence.Cms.Settings;
using Cadence.Markdown.Folder;
using Microsoft.EntityFrameworkCore;
using FormFile = Cadence.Markdown.Folder.FormFile;

namespace Cadence.Cms.Seeding;

/// <summary>Writes the database back out as a content folder, in the format the importer reads.</summary>
public sealed class ContentExporter(CadenceDb db, IMediaStore store)
{
    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Slug).ToListAsync(cancellationToken);
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Key).ToListAsync(cancellationToken);
        var all = await db.Posts.AsNoTracking().Where(p => p.DeletedAt == null)
            .Include(p => p.Tags).Include(p => p.Category).Include(p => p.Author).Include(p => p.ReviewedBy)
            .OrderBy(p => p.Slug).AsSplitQuery().ToListAsync(cancellationToken);
        var posts = all.Where(p => !p.IsPage).ToList();
        var pages = all.Where(p => p.IsPage).ToList();

        ContentFolderWriter.Write(folder,
            new SiteFile(settings.ClinicName, settings.SiteTitle, settings.Description, settings.BaseUrl, settings.TimeZone,
                settings.Language, settings.NotificationEmail, settings.Navigation.Select(l => new LinkFile(l.Label, l.Url)).ToList(),
                settings.Social.Select(l => new LinkFile(l.Label, l.Url)).ToList())
            {
                ThemeColour = settings.ThemeColour, Logo = settings.Logo, Icon = settings.Icon, Clinic = settings.Clinic,
            },
            authors.Select(a => new AuthorFile(a.Slug, a.Name, a.Bio, a.Avatar) { Credentials = a.Credentials }),
            posts.Select(p => new PostFile(
                p.Title, p.Slug, Utc(p.PublishedAt),
                p.Status.ToString().ToLowerInvariant(), p.Excerpt, p.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
                p.Category?.Name, p.Author?.Slug, p.Image, p.ImageAlt, p.SeoTitle, p.SeoDescription, p.SocialImage, p.CanonicalUrl, p.Body)
            {
                ReviewedBy = p.LastReviewed is null ? null : p.ReviewedBy?.Slug, LastReviewed = p.ReviewedBy is null ? null : p.LastReviewed,
                Featured = p.Featured,
            }),
            forms.Select(f => new FormFile(f.Key, f.Title, f.Intro, f.SubmitLabel, f.SuccessMessage, f.ThankYouPath, f.NotificationEmail,
                f.AssetFileName is null ? null : "/assets/" + f.AssetFileName,
                f.Fields.Select(x => new FormFieldFile(x.Name, x.Type, x.Label, x.Required, x.MaxLength, x.Options)).ToList())),
            pages.Select(p => new PageFile(p.Title, p.Slug, Utc(p.PublishedAt), p.Status.ToString().ToLowerInvariant(), p.Excerpt,
                p.SeoTitle, p.SeoDescription, p.Body)
            {
                ReviewedBy = p.LastReviewed is null ? null : p.ReviewedBy?.Slug, LastReviewed = p.ReviewedBy is null ? null : p.LastReviewed,
            }));

        var files = await db.Media.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.FileName, m.IsPublic, m.StoreKey }).ToListAsync(cancellationToken);
        foreach (var media in files)
        {
            await using var content = (media.StoreKey is null ? null : await store.OpenReadAsync(media.StoreKey, cancellationToken))
                ?? throw new InvalidOperationException($"The bytes of the media file '{media.FileName}' are missing from the media store.");
            var target = Path.Combine(folder, media.IsPublic ? "media" : "assets");
            Directory.CreateDirectory(target);
            await using var file = File.Create(Path.Combine(target, media.FileName));
            await content.CopyToAsync(file, cancellationToken);
        }
        return posts.Count;
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
