using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Forms;
using Cadence.Cms.Mail;
using Cadence.Cms.Media;
using Cadence.Cms.Settings;
using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Data;

/// <summary>The CMS's database. On SQLite it is this type; on PostgreSQL <see cref="PostgreSqlCadenceDb"/>, with its own migrations.</summary>
public class CadenceDb : IdentityDbContext<CadenceUser, IdentityRole, string>, IDataProtectionKeyContext
{
    public CadenceDb(DbContextOptions<CadenceDb> options) : base(options) { }

    /// <summary>For a provider's own context type, whose options are typed by that type.</summary>
    protected CadenceDb(DbContextOptions options) : base(options) { }

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

    /// <summary>The keys behind sign-in cookies, antiforgery tokens and protected secrets, shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Each feature configures its own tables (<c>IEntityTypeConfiguration</c> classes in its folder).</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CadenceDb).Assembly);
    }
}
