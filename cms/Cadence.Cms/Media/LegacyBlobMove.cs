using Cadence.Cms.Data;
using Cadence.Cms.Media.Store;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Media;

/// <summary>
/// Moves media that earlier versions kept in the database into the media store, one file at a time, at start. A file's
/// bytes are written to the store first; only then, in one save, does its row get the key and lose the old bytes. A
/// crash in between leaves the bytes in the database and an unused object, and the next start simply moves it again.
/// </summary>
public sealed class LegacyBlobMove(CadenceDb db, IMediaStore store, WriteGate gate, ILogger<LegacyBlobMove> log)
{
    /// <summary>Moves every file still in the database; the number moved.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var waiting = await db.Media.AsNoTracking().Where(m => m.StoreKey == null).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.FileName, m.ContentType }).ToListAsync(cancellationToken);
        foreach (var file in waiting)
        {
            var blob = await db.MediaBlobs.SingleOrDefaultAsync(b => b.MediaFileId == file.Id, cancellationToken);
            if (blob is null)
            {
                log.LogError("The media file {FileName} has no bytes in the database or the media store", file.FileName);
                continue;
            }
            var key = MediaKeys.NewOriginal(file.FileName);
            using (var content = new MemoryStream(blob.Bytes, writable: false))
                await store.PutAsync(key, content, file.ContentType, cancellationToken);
            using (await gate.EnterAsync(cancellationToken))
            {
                var media = await db.Media.SingleAsync(m => m.Id == file.Id, cancellationToken);
                media.StoreKey = key;
                db.MediaBlobs.Remove(blob);
                await db.SaveChangesAsync(cancellationToken); // one transaction: the key and the old bytes' removal
            }
            db.ChangeTracker.Clear();
        }
        if (waiting.Count > 0) log.LogInformation("Moved {Count} media files from the database into the media store", waiting.Count);
        return waiting.Count;
    }
}
