using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>The public author each manager account writes as (Author.UserId), made on first use.</summary>
public sealed class AuthorProfiles(CadenceDb db)
{
    public Task<Author?> ForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Authors.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);

    public async Task<Author> SaveAsync(string userId, string name, string? bio, string? avatar, CancellationToken cancellationToken = default)
    {
        var author = await ForUserAsync(userId, cancellationToken);
        if (author is null)
        {
            var slug = Cadence.Markdown.Slug.From(name);
            if (slug.Length == 0) slug = "author";
            var taken = await db.Authors.Where(a => a.Slug.StartsWith(slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
            author = new Author { Slug = Cadence.Markdown.Slug.Unique(slug, taken.Contains), Name = name, UserId = userId };
            db.Authors.Add(author);
        }
        author.Name = name;
        author.Bio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
        author.Avatar = string.IsNullOrWhiteSpace(avatar) ? null : avatar;
        await db.SaveChangesAsync(cancellationToken);
        return author;
    }
}
