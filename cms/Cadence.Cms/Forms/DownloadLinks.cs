using System.Security.Cryptography;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

/// <summary>
/// What a signed download link carries: the file, and the key of the submission that asked for it, so the inbox
/// can say whether the reader downloaded it. Links made before keys existed carry the file name alone and still work.
/// </summary>
public static class DownloadLinks
{
    // A line break cannot be part of a media file name, so it cleanly separates the two.
    private const char Separator = '\n';

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string Payload(string fileName, string key) => fileName + Separator + key;

    public static (string FileName, string? Key) Read(string payload)
    {
        var split = payload.IndexOf(Separator);
        return split < 0 ? (payload, null) : (payload[..split], payload[(split + 1)..]);
    }

    /// <summary>Counts one download against the submission holding <paramref name="key"/>.</summary>
    public static async Task RecordAsync(CadenceDb db, WriteGate gate, string key, DateTime now, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await db.Submissions.Where(s => s.DownloadKey == key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Downloads, s => s.Downloads + 1)
            .SetProperty(s => s.FirstDownloadAt, s => s.FirstDownloadAt ?? now)
            .SetProperty(s => s.LastDownloadAt, now), cancellationToken);
    }
}
