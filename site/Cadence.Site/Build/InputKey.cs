using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Cadence.Site.Build;

/// <summary>
/// A 128-bit hash of everything a page (or any other output) is made from. Two builds that give a page the
/// same key give it the same bytes, so the page need not be rendered again.
/// </summary>
public sealed class InputKey
{
    private readonly XxHash128 _hash = new();

    public InputKey Add(string? text)
    {
        if (text is null)
        {
            Add(-1);
            return this;
        }
        Add(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public InputKey Add(int value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref value)));
        return this;
    }

    public InputKey Add(long value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(ref value)));
        return this;
    }

    public InputKey Add(int? value) => value is null ? Add(int.MinValue) : Add(value.Value);

    public InputKey Add(DateTimeOffset value) => Add(value.UtcTicks).Add((long)value.Offset.TotalMinutes);

    public InputKey Add(UInt128 value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(ref value)));
        return this;
    }

    public UInt128 Value => _hash.GetCurrentHashAsUInt128();

    public static UInt128 Of(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    public static UInt128 Of(string text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()));
}
