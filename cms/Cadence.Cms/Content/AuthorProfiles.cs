using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>The public author each manager account writes as (Author.UserId), made on first use.</summary>
public sealed class AuthorProfiles(CadenceDb db)
{
    /// <summary>A line beside a name, not a CV: the byline has to stay readable on a phone.</summary>
    public const int CredentialsMax = 120;

    public Task<Author?> ForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Authors.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);

    /// <summary>Every author profile, by name, for choosing one.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AllAsync(CancellationToken cancellationToken = default) =>
        (await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();

    /// <summary>
    /// Makes <paramref name="authorId"/> the one profile <paramref name="userId"/> writes as (none when null). A profile
    /// has one account, so linking it takes it from whoever had it, and the user's previous profile is let go.
    /// </summary>
    public async Task<bool> LinkAsync(string userId, int? authorId, CancellationToken cancellationToken = default)
    {
        var chosen = authorId is { } id ? await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (authorId is not null && chosen is null) return false;
        foreach (var previous in await db.Authors.Where(a => a.UserId == userId).ToListAsync(cancellationToken))
            previous.UserId = null;
        if (chosen is not null) chosen.UserId = userId;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <param name="credentials">A short line of qualifications, up to <see cref="CredentialsMax"/> characters (the page checks it).</param>
    public async Task<Author> SaveAsync(string userId, string name, string? bio, string? avatar, string? credentials, CancellationToken cancellationToken = default)
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
        author.Credentials = string.IsNullOrWhiteSpace(credentials) ? null : credentials.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return author;
    }
}
