using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Cadence.Site.Keys;

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

    public InputKey Add(Hash128 value) => Add((long)value.Lower).Add((long)value.Upper);

    public Hash128 Value => Hash128.From(_hash.GetCurrentHashAsUInt128());

    public static Hash128 Of(ReadOnlySpan<byte> bytes) => Hash128.From(XxHash128.HashToUInt128(bytes));

    public static Hash128 Of(string text) => Of(text.AsSpan());

    public static Hash128 Of(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));
}
