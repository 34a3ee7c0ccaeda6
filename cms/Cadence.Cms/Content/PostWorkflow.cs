using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>The rules of a post's life: slugs, publishing, scheduling and the trash.</summary>
public sealed class PostWorkflow(CadenceDb db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A unique slug made from <paramref name="wanted"/> (or the title), never one another post or redirect holds.</summary>
    public async Task<string> FreeSlugAsync(string wanted, int? postId, CancellationToken cancellationToken = default) =>
        await FreeSlugAsync(wanted, postId, PostKind.Post, cancellationToken);

    /// <summary>As above; a page also never gets one of the site's own paths (<see cref="PageRules"/>).</summary>
    public async Task<string> FreeSlugAsync(string wanted, int? postId, PostKind kind, CancellationToken cancellationToken = default)
    {
        var slug = Cadence.Markdown.Slug.From(wanted, kind == PostKind.Page ? "page" : "post");
        if (slug.Length == 0) slug = kind == PostKind.Page ? "page-1" : "post";
        var taken = await db.Posts.Where(p => p.Id != postId && (p.Slug == slug || p.Slug.StartsWith(slug + "-")))
            .Select(p => p.Slug).ToListAsync(cancellationToken);
        var redirected = await db.SlugRedirects.Where(r => r.PostId != postId && (r.FromSlug == slug || r.FromSlug.StartsWith(slug + "-")))
            .Select(r => r.FromSlug).ToListAsync(cancellationToken);
        var all = taken.Concat(redirected).ToHashSet(StringComparer.Ordinal);
        if (kind == PostKind.Page) all.UnionWith(PageRules.ReservedSlugs);
        return Cadence.Markdown.Slug.Unique(slug, all.Contains);
    }

    /// <summary>Changes the slug; a post that has been live keeps a redirect from the old one.</summary>
    public async Task RenameAsync(Post post, string newSlug, CancellationToken cancellationToken = default)
    {
        if (!Cadence.Markdown.Slug.IsValid(newSlug)) throw new ContentRuleException("slug", "Use lower-case letters, digits and hyphens.");
        if (newSlug == post.Slug) return;
        if (post.IsPage && PageRules.IsReserved(newSlug)) throw new ContentRuleException("slug", PageRules.ReservedMessage(newSlug));
        if (await db.Posts.AnyAsync(p => p.Slug == newSlug && p.Id != post.Id, cancellationToken))
            throw new ContentRuleException("slug", $"Another post already uses '{newSlug}'.");

        // Taking back one of its own old slugs removes that redirect; another post's redirect blocks the slug.
        var redirect = await db.SlugRedirects.SingleOrDefaultAsync(r => r.FromSlug == newSlug, cancellationToken);
        if (redirect is not null && redirect.PostId != post.Id)
            throw new ContentRuleException("slug", $"'{newSlug}' redirects to another post.");
        if (redirect is not null) db.SlugRedirects.Remove(redirect);

        if (post.Id != 0 && post.PublishedAt is not null && post.Status == PostStatus.Published)
            db.SlugRedirects.Add(new SlugRedirect { FromSlug = post.Slug, PostId = post.Id });
        post.Slug = newSlug;
    }

    public void Publish(Post post)
    {
        post.Status = PostStatus.Published;
        if (post.PublishedAt is null || post.PublishedAt > Now) post.PublishedAt = Now;
        post.UpdatedAt = Now;
    }

    public void Schedule(Post post, DateTime publishAtUtc)
    {
        if (publishAtUtc <= Now) throw new ContentRuleException("publishAt", "Choose a time in the future, or publish now.");
        post.Status = PostStatus.Scheduled;
        post.PublishedAt = publishAtUtc;
        post.UpdatedAt = Now;
    }

    public void Unpublish(Post post)
    {
        post.Status = PostStatus.Draft;
        post.UpdatedAt = Now;
    }

    public void Trash(Post post) => post.DeletedAt = Now;

    public void Restore(Post post) => post.DeletedAt = null;

    /// <summary>
    /// Publishes scheduled posts whose time has come. Returns the slugs this call published. Each post is saved on
    /// its own against its version (a concurrency token), so when several instances run the scheduler one of them
    /// publishes it, and it raises one event and one changes-feed row; the others' saves are refused and skipped,
    /// as is a post an editor changed after it was read here (it is looked at again at the next tick).
    /// </summary>
    public async Task<IReadOnlyList<string>> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Scheduled && p.PublishedAt <= now && p.DeletedAt == null)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var published = new List<string>();
        foreach (var id in due)
        {
            // A refused save leaves its feed row and event staged in the context; each post starts from a clean one.
            db.ChangeTracker.Clear();
            var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.Status == PostStatus.Scheduled && p.DeletedAt == null, cancellationToken);
            if (post is null) continue;
            post.Status = PostStatus.Published;
            post.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                published.Add(post.Slug);
            }
            catch (DbUpdateConcurrencyException)
            {
            }
        }
        db.ChangeTracker.Clear();
        return published;
    }
}

/// <summary>A content rule a change would break; <see cref="Field"/> names what to fix.</summary>
public sealed class ContentRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
