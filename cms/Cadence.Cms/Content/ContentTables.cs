using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Content;

public sealed class PostTable : IEntityTypeConfiguration<Post>
{
    private const string LiveFilter = "\"Status\" = 'Published' AND \"DeletedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.HasIndex(p => p.Slug).IsUnique();
        post.HasIndex(p => new { p.Status, p.PublishedAt });
        // The delivery lists and their counts read only live posts, newest first. Partial indexes over exactly those
        // (LivePosts.Rule, as the SQL the queries carry) answer a page and its total from the index alone: a post's
        // row holds its body before these columns, so checking rows one by one read the whole site.
        post.HasIndex(p => new { p.Kind, p.PublishedAt, p.Id }, "IX_Posts_Live").HasFilter(LiveFilter);
        post.HasIndex(p => new { p.AuthorId, p.Kind, p.PublishedAt }, "IX_Posts_Live_AuthorId").HasFilter(LiveFilter);
        post.HasIndex(p => new { p.CategoryId, p.Kind, p.PublishedAt }, "IX_Posts_Live_CategoryId").HasFilter(LiveFilter);
        // Whether a post is live, with its id, without reading its row: the tag counts join every live post to its
        // tag links, and a row check would read each post's body on the way to its status.
        post.HasIndex(p => new { p.Status, p.DeletedAt });
        // Named, or EF would drop them for the partial ones above, which cannot serve deleting an author or category.
        post.HasIndex(p => p.AuthorId);
        post.HasIndex(p => p.CategoryId);
        post.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        post.Property(p => p.Kind).HasConversion<string>().HasMaxLength(8);
        post.Property(p => p.Title).HasMaxLength(200);
        post.Property(p => p.Slug).HasMaxLength(80);
        post.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
        post.HasOne(p => p.Category).WithMany(c => c.Posts).OnDelete(DeleteBehavior.SetNull);
        post.HasOne(p => p.Author).WithMany().OnDelete(DeleteBehavior.SetNull);
        post.HasOne(p => p.ReviewedBy).WithMany().HasForeignKey(p => p.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        post.Property(p => p.Version).IsConcurrencyToken();
        post.Property(p => p.VersionEditSession).HasMaxLength(40);
        post.Ignore(p => p.IsLive);
        post.Ignore(p => p.IsPage);
    }
}

public sealed class PostRevisionTable : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> revision)
    {
        revision.HasIndex(r => new { r.PostId, r.SavedAt });
        revision.HasOne(r => r.Post).WithMany().OnDelete(DeleteBehavior.Cascade);
        revision.Property(r => r.Title).HasMaxLength(200);
        revision.Property(r => r.Slug).HasMaxLength(80);
    }
}

public sealed class TagTable : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag) => tag.HasIndex(t => t.Slug).IsUnique();
}

public sealed class CategoryTable : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category) => category.HasIndex(c => c.Slug).IsUnique();
}

public sealed class AuthorTable : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.HasIndex(a => a.Slug).IsUnique();
        author.Property(a => a.Credentials).HasMaxLength(Content.AuthorProfiles.CredentialsMax);
    }
}

public sealed class SlugRedirectTable : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> redirect)
    {
        redirect.HasIndex(r => r.FromSlug).IsUnique();
        redirect.HasOne(r => r.Post).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
