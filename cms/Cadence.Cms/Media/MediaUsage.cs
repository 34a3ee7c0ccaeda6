using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Media;

/// <summary>Where a media file is used, so it is not deleted from under a post, an author or a form.</summary>
public sealed class MediaUsage(CadenceDb db)
{
    public async Task<IReadOnlyList<string>> WhereUsedAsync(MediaFile file, CancellationToken cancellationToken = default)
    {
        var url = file.Url;
        var uses = new List<string>();
        // Trashed posts count too: restoring one must not bring back a broken image.
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Image == url || p.SocialImage == url || p.Body.Contains(url))
            .Select(p => p.Title).ToListAsync(cancellationToken);
        uses.AddRange(posts.Select(t => $"the post “{t}”"));
        var authors = await db.Authors.AsNoTracking().Where(a => a.Avatar == url).Select(a => a.Name).ToListAsync(cancellationToken);
        uses.AddRange(authors.Select(n => $"the author picture of {n}"));
        var forms = await db.Forms.AsNoTracking().Where(f => f.AssetFileName == file.FileName).Select(f => f.Title).ToListAsync(cancellationToken);
        uses.AddRange(forms.Select(t => $"the download of the form “{t}”"));
        return uses;
    }
}
