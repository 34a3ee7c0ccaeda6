using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Ghost ids are 24 hex digits; Cadence's are whole numbers. A Ghost id here is <c>cade</c>, the kind of row in 12 hex
/// digits and the row's own id in 8, so it is stable across restarts and exports, never collides between kinds, and
/// reads back to the row without a lookup table.
/// </summary>
public static class GhostIds
{
    public enum Kind { Post = 1, Tag = 2, Author = 3 }

    private const string Stem = "cade";

    public static string Of(Kind kind, int id) => $"{Stem}{(int)kind:x12}{id:x8}";

    /// <summary>The Cadence id behind a Ghost id of this kind; null for any other text, which then matches nothing.</summary>
    public static int? Parse(Kind kind, string ghostId) =>
        ghostId.Length == 24 && ghostId.StartsWith($"{Stem}{(int)kind:x12}", StringComparison.Ordinal)
        && int.TryParse(ghostId.AsSpan(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : null;

    /// <summary>A post's uuid: name-based (from its id), so it never changes; the form is an RFC 9562 version 8 UUID.</summary>
    public static string UuidOf(int postId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"cadence-post:{postId}")).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
