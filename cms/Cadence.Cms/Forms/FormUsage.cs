using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Markdown.Dialect;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

/// <summary>A post that places a form with <c>::: form KEY</c>.</summary>
public sealed record FormUse(int PostId, string Title, bool IsLive, bool InTrash);

/// <summary>Which posts place which forms, read from their bodies' directive lines (trashed posts count: restoring one must not break).</summary>
public sealed class FormUsage(CadenceDb db)
{
    public async Task<IReadOnlyList<FormUse>> OfAsync(string key, CancellationToken cancellationToken = default) =>
        (await AllAsync(key, cancellationToken)).GetValueOrDefault(key) ?? [];

    /// <summary>Every form key placed in some post, with its posts; <paramref name="onlyKey"/> narrows the read to one form.</summary>
    public async Task<IReadOnlyDictionary<string, List<FormUse>>> AllAsync(string? onlyKey = null, CancellationToken cancellationToken = default)
    {
        var marker = onlyKey is null ? FormDirectiveParser.Prefix : " " + onlyKey;
        var posts = await db.Posts.AsNoTracking().Where(p => p.Body.Contains(FormDirectiveParser.Prefix) && p.Body.Contains(marker))
            .OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Body, p.Status, p.DeletedAt }).ToListAsync(cancellationToken);
        var uses = new Dictionary<string, List<FormUse>>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var keys = post.Body.Split('\n').Select(FormDirectiveParser.ParseKey).OfType<string>().Distinct(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (onlyKey is not null && key != onlyKey) continue;
                if (!uses.TryGetValue(key, out var list)) uses[key] = list = [];
                list.Add(new FormUse(post.Id, post.Title, LivePosts.Is(post.Status, post.DeletedAt), post.DeletedAt is not null));
            }
        }
        return uses;
    }
}
