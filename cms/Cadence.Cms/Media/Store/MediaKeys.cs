namespace Cadence.Cms.Media.Store;

/// <summary>
/// The keys media is stored under. An original's key is new for every upload (never reused, so a failed save leaves
/// at most an unused object, and a deleted file's object is never mistaken for a new one); a variant's key sits under
/// its original's, so no two images (nor two CMS databases sharing a bucket) ever write the same key. Keys keep the
/// file name so a bucket or folder can be read by a person restoring a backup.
/// </summary>
public static class MediaKeys
{
    /// <summary>A fresh key for an original; a name the library did not make (an older version's) is reduced to safe characters.</summary>
    public static string NewOriginal(string fileName) => $"originals/{Guid.NewGuid():N}-{Safe(fileName)}";

    public static string Variant(string originalKey, string fileName) => $"variants/{originalKey[(originalKey.IndexOf('/') + 1)..]}/{fileName}";

    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')).Replace("..", "-", StringComparison.Ordinal);

    /// <summary>Keys are made here from slugged names, but a store still refuses any other shape before touching a path.</summary>
    public static bool IsSafe(string key) =>
        key.Length is > 0 and <= 512 && !key.StartsWith('/') && !key.Contains("..", StringComparison.Ordinal)
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
