using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

public enum TermKind { Tag, Category }

/// <summary>Renames, merges and deletes tags and categories; posts follow a merge, and lose a deleted term.</summary>
public sealed class TaxonomyEditing(CadenceDb db)
{
    public async Task RenameAsync(TermKind kind, int id, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        var slug = Cadence.Markdown.Slug.From(name);
        if (slug.Length == 0) throw new ContentRuleException("name", "Use at least one letter or digit.");
        if (kind == TermKind.Tag)
        {
            var tag = await db.Tags.FindAsync([id], cancellationToken) ?? throw new KeyNotFoundException();
            if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, cancellationToken))
                throw new ContentRuleException("name", $"A tag called {name} exists already: merge into it instead.");
            (tag.Name, tag.Slug) = (name, slug);
        }
        else
        {
            var category = await db.Categories.FindAsync([id], cancellationToken) ?? throw new KeyNotFoundException();
            if (await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != id, cancellationToken))
                throw new ContentRuleException("name", $"A category called {name} exists already: merge into it instead.");
            (category.Name, category.Slug) = (name, slug);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CreateCategoryAsync(string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        var slug = Cadence.Markdown.Slug.From(name);
        if (slug.Length == 0) throw new ContentRuleException("name", "Use at least one letter or digit.");
        if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
            throw new ContentRuleException("name", $"A category called {name} exists already.");
        db.Categories.Add(new Category { Name = name, Slug = slug });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves every post from <paramref name="fromId"/> to <paramref name="intoId"/>, then deletes the first.</summary>
    public async Task MergeAsync(TermKind kind, int fromId, int intoId, CancellationToken cancellationToken = default)
    {
        if (fromId == intoId) throw new ContentRuleException("into", "Choose a different one to merge into.");
        if (kind == TermKind.Tag)
        {
            var from = await db.Tags.Include(t => t.Posts).ThenInclude(p => p.Tags).SingleOrDefaultAsync(t => t.Id == fromId, cancellationToken) ?? throw new KeyNotFoundException();
            var into = await db.Tags.FindAsync([intoId], cancellationToken) ?? throw new ContentRuleException("into", "That tag no longer exists.");
            foreach (var post in from.Posts.Where(p => !p.Tags.Contains(into))) post.Tags.Add(into);
            db.Tags.Remove(from);
        }
        else
        {
            var from = await db.Categories.Include(c => c.Posts).SingleOrDefaultAsync(c => c.Id == fromId, cancellationToken) ?? throw new KeyNotFoundException();
            if (!await db.Categories.AnyAsync(c => c.Id == intoId, cancellationToken)) throw new ContentRuleException("into", "That category no longer exists.");
            foreach (var post in from.Posts) post.CategoryId = intoId;
            db.Categories.Remove(from);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(TermKind kind, int id, CancellationToken cancellationToken = default)
    {
        if (kind == TermKind.Tag)
            db.Tags.Remove(await db.Tags.FindAsync([id], cancellationToken) ?? throw new KeyNotFoundException());
        else
            db.Categories.Remove(await db.Categories.Include(c => c.Posts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new KeyNotFoundException());
        await db.SaveChangesAsync(cancellationToken);
    }
}
