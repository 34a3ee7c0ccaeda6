using System.Text.Json;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Forms;
using Cadence.Cms.Mail;
using Cadence.Cms.Media;
using Cadence.Cms.Settings;
using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadence.Cms.Data;

public sealed class CadenceDb(DbContextOptions<CadenceDb> options) : IdentityDbContext<CadenceUser, IdentityRole, string>(options)
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<MediaFile> Media => Set<MediaFile>();
    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();
    public DbSet<FormDefinition> Forms => Set<FormDefinition>();
    public DbSet<SiteSettings> Settings => Set<SiteSettings>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Post>(post =>
        {
            post.HasIndex(p => p.Slug).IsUnique();
            post.HasIndex(p => new { p.Status, p.PublishedAt });
            post.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            post.Property(p => p.Title).HasMaxLength(200);
            post.Property(p => p.Slug).HasMaxLength(80);
            post.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
            post.HasOne(p => p.Category).WithMany(c => c.Posts).OnDelete(DeleteBehavior.SetNull);
            post.HasOne(p => p.Author).WithMany().OnDelete(DeleteBehavior.SetNull);
            post.Ignore(p => p.IsLive);
        });
        builder.Entity<PostRevision>(revision =>
        {
            revision.HasIndex(r => new { r.PostId, r.SavedAt });
            revision.HasOne(r => r.Post).WithMany().OnDelete(DeleteBehavior.Cascade);
            revision.Property(r => r.Title).HasMaxLength(200);
            revision.Property(r => r.Slug).HasMaxLength(80);
        });
        builder.Entity<Tag>().HasIndex(t => t.Slug).IsUnique();
        builder.Entity<Category>().HasIndex(c => c.Slug).IsUnique();
        builder.Entity<Author>().HasIndex(a => a.Slug).IsUnique();
        builder.Entity<SlugRedirect>(redirect =>
        {
            redirect.HasIndex(r => r.FromSlug).IsUnique();
            redirect.HasOne(r => r.Post).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MediaFile>(media =>
        {
            media.HasIndex(m => m.FileName).IsUnique();
            media.HasOne(m => m.Blob).WithOne().HasForeignKey<MediaBlob>(b => b.MediaFileId).OnDelete(DeleteBehavior.Cascade);
            media.Ignore(m => m.Url);
        });
        builder.Entity<MediaBlob>().HasKey(b => b.MediaFileId);

        builder.Entity<FormDefinition>(form =>
        {
            form.HasIndex(f => f.Key).IsUnique();
            form.Property(f => f.Fields).HasConversion(Json<List<FormField>>()).Metadata.SetValueComparer(JsonComparer<List<FormField>>());
        });
        builder.Entity<SiteSettings>(settings =>
        {
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.Language).HasMaxLength(35);
            settings.Property(s => s.Navigation).HasConversion(Json<List<SiteLink>>()).Metadata.SetValueComparer(JsonComparer<List<SiteLink>>());
            settings.Property(s => s.Social).HasConversion(Json<List<SiteLink>>()).Metadata.SetValueComparer(JsonComparer<List<SiteLink>>());
        });

        builder.Entity<ApiKey>(key =>
        {
            key.HasIndex(k => k.Hash).IsUnique();
            key.Property(k => k.Kind).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<OutboxMail>(mail =>
        {
            mail.ToTable("MailOutbox");
            mail.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            mail.Ignore(m => m.State);
        });
        builder.Entity<Submission>(submission =>
        {
            submission.ToTable("Submissions");
            submission.HasIndex(s => new { s.Folder, s.FormKey, s.ReceivedAt });
            submission.HasIndex(s => new { s.ContentHash, s.ReceivedAt });
            submission.HasIndex(s => s.Email);
            submission.HasIndex(s => s.ReceivedAt);
            submission.HasIndex(s => new { s.Folder, s.IsRead });
            submission.HasIndex(s => s.DownloadKey);
            submission.Property(s => s.DownloadKey).HasMaxLength(32);
            // Mail may be erased or purged before its submission; the submission then just forgets it.
            submission.HasOne(s => s.NotificationMail).WithMany().HasForeignKey(s => s.NotificationMailId).OnDelete(DeleteBehavior.SetNull);
            submission.HasOne(s => s.ReaderMail).WithMany().HasForeignKey(s => s.ReaderMailId).OnDelete(DeleteBehavior.SetNull);
            submission.Property(s => s.Folder).HasConversion<string>().HasMaxLength(8);
            submission.Property(s => s.FormKey).HasMaxLength(80);
            submission.Property(s => s.Fields).HasConversion(Json<List<SubmittedField>>()).Metadata.SetValueComparer(JsonComparer<List<SubmittedField>>());
        });
        builder.Entity<Subscriber>(subscriber =>
        {
            subscriber.HasIndex(s => s.Email).IsUnique();
            subscriber.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        });
        builder.ConfigureWebhookModel();
    }

    private static readonly JsonSerializerOptions JsonColumn = new(JsonSerializerDefaults.Web);

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>() where T : new() =>
        new(value => JsonSerializer.Serialize(value, JsonColumn), text => JsonSerializer.Deserialize<T>(text, JsonColumn) ?? new T());

    private static ValueComparer<T> JsonComparer<T>() where T : new() => new(
        (a, b) => JsonSerializer.Serialize(a, JsonColumn) == JsonSerializer.Serialize(b, JsonColumn),
        value => JsonSerializer.Serialize(value, JsonColumn).GetHashCode(),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonColumn), JsonColumn) ?? new T());
}
