using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Images;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Media;

/// <summary>Wakes the <see cref="ImageVariantMaker"/> when an image has been added.</summary>
public sealed class ImageVariantSignal : WakeSignal;

/// <summary>
/// Makes the responsive variants of public images that have none, one image per pass, in the background: never on
/// an upload's request, never before the CMS answers. Encoding goes through the shared <see cref="VariantCache"/> on
/// disk, so a CMS importing images it (or a site build) has seen before reads files instead of encoding them again.
/// </summary>
public sealed class ImageVariantMaker(IServiceScopeFactory scopes, ImageVariantSignal signal, WriteGate gate, TimeProvider clock,
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
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.FileName }).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return false;

        var bytes = await db.MediaBlobs.AsNoTracking().Where(b => b.MediaFileId == next.Id).Select(b => b.Bytes).SingleAsync(cancellationToken);
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
        foreach (var variant in made)
        {
            db.Add(new MediaVariant
            {
                MediaFileId = next.Id, FileName = variant.Info.FileName, ContentType = variant.Info.ContentType,
                Width = variant.Info.Width, Height = variant.Info.Height, Bytes = await File.ReadAllBytesAsync(variant.Path, cancellationToken),
            });
        }
        using (await gate.EnterAsync(cancellationToken))
        {
            // Deleted while it was being encoded: nothing to keep.
            if (!await db.Media.AnyAsync(m => m.Id == next.Id, cancellationToken)) return true;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
