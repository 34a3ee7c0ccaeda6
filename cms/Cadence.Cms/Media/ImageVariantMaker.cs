using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Media.Store;
using Cadence.Images;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Media;

/// <summary>Wakes the <see cref="ImageVariantMaker"/> when an image has been added.</summary>
public sealed class ImageVariantSignal : WakeSignal;

/// <summary>
/// Makes the responsive variants of public images that have none, one image per pass, in the background: never on
/// an upload's request, never before the CMS answers. Encoding goes through the shared <see cref="VariantCache"/> on
/// disk, so a CMS importing images it (or a site build) has seen before reads files instead of encoding them again.
/// The variants go to the media store before their rows are saved; if the image was deleted meanwhile, they are
/// removed again. Instances sharing a database may make the same image's variants at once: the first to save wins
/// and the others take its rows as their own.
/// </summary>
public sealed class ImageVariantMaker(IServiceScopeFactory scopes, ImageVariantSignal signal, IMediaStore store, WriteGate gate, TimeProvider clock,
    ILogger<ImageVariantMaker> log) : BackgroundLoop(clock, log)
{
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];
    private readonly VariantCache _cache = new(VariantCache.DefaultRoot());
    private readonly HashSet<int> _unreadable = [];

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);
    protected override string FailureMessage => "Making image variants failed; trying again at the next poll";
    protected override WakeSignal Wake => signal;

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken cancellationToken) =>
        await MakeNextAsync(cancellationToken) ? TimeSpan.Zero : null;

    /// <summary>Makes the variants of one image that lacks them; false when none does.</summary>
    public async Task<bool> MakeNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var next = await db.Media.AsNoTracking()
            .Where(m => m.IsPublic && ImageTypes.Contains(m.ContentType) && !_unreadable.Contains(m.Id)
                && !db.Set<MediaVariant>().Any(v => v.MediaFileId == m.Id))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.FileName, m.StoreKey }).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return false;

        var bytes = next.StoreKey is null ? null : await ReadAsync(next.StoreKey, cancellationToken);
        if (bytes is null)
        {
            Log.LogWarning("The bytes of {FileName} are missing from the media store; it is served without variants", next.FileName);
            _unreadable.Add(next.Id);
            return true;
        }
        IReadOnlyList<CachedVariant> made;
        try
        {
            // libvips works on its own threads; this keeps the pass off the thread that started it.
            made = await Task.Run(() => _cache.For(bytes), cancellationToken);
        }
        catch (ImageException e)
        {
            Log.LogWarning(e, "The image {FileName} could not be read; it is served without variants", next.FileName);
            _unreadable.Add(next.Id);
            return true;
        }
        var stored = new List<MediaVariant>();
        foreach (var variant in made)
        {
            var key = MediaKeys.Variant(next.StoreKey!, variant.Info.FileName);
            await using (var file = File.OpenRead(variant.Path))
                await store.PutAsync(key, file, variant.Info.ContentType, cancellationToken);
            stored.Add(new MediaVariant
            {
                MediaFileId = next.Id, FileName = variant.Info.FileName, ContentType = variant.Info.ContentType,
                Width = variant.Info.Width, Height = variant.Info.Height, StoreKey = key,
            });
        }
        db.AddRange(stored);
        using (await gate.EnterAsync(cancellationToken))
        {
            if (await db.Media.AnyAsync(m => m.Id == next.Id, cancellationToken))
            {
                await SaveOnceAsync(db, next.Id, cancellationToken);
                return true;
            }
        }
        // Deleted while it was being encoded: nothing to keep.
        foreach (var variant in stored) await store.DeleteAsync(variant.StoreKey, cancellationToken);
        return true;
    }

    /// <summary>
    /// Saves the variants' rows unless another instance saved the same image's variants first. Both made them from
    /// the same bytes, so they have the same names and store keys: the rows already there stand for these, and the
    /// objects this instance wrote are the ones those rows point at (so they are kept, not deleted).
    /// </summary>
    private static async Task SaveOnceAsync(CadenceDb db, int mediaFileId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<MediaVariant>().AnyAsync(v => v.MediaFileId == mediaFileId, cancellationToken)) throw;
        }
    }

    private async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(key, cancellationToken);
        if (content is null) return null;
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, cancellationToken);
        return bytes.ToArray();
    }
}
