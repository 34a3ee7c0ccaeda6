using System.Buffers.Binary;
using System.Globalization;

namespace Cadence.Site.Keys;

/// <summary>
/// A 128-bit hash as two halves. It stands in for <see cref="UInt128"/> in the model and the build's records
/// because ReadyToRun cannot precompile code whose types hold a framework struct with no layout guarantee across
/// versions: with UInt128 in <c>Post</c> and <c>SiteModel</c>, every method touching them was compiled at start-up.
/// </summary>
public readonly record struct Hash128(ulong Upper, ulong Lower)
{
    public static Hash128 From(UInt128 value) => new((ulong)(value >> 64), (ulong)value);

    /// <summary>Reads the 32 hex digits that <see cref="Hex"/> writes.</summary>
    public static Hash128 ParseHex(string hex) => new(
        ulong.Parse(hex.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        ulong.Parse(hex.AsSpan(16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>The value as 32 lower-case hex digits, most significant first.</summary>
    public string Hex()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Upper);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Lower);
        return Convert.ToHexStringLower(bytes);
    }
}
