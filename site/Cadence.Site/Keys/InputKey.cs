using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Cadence.Site.Keys;

/// <summary>
/// A 128-bit hash of everything a page (or any other output) is made from. Two builds that give a page the
/// same key give it the same bytes, so the page need not be rendered again.
/// </summary>
/// <remarks>
/// What is added is gathered in a pooled buffer and hashed in one call when <see cref="Value"/> is first read: a
/// streaming <see cref="XxHash128"/> is a 600-byte object with its secret copied in, and an incremental build of
/// 10,000 posts makes tens of thousands of keys, nearly all of a few hundred bytes. A longer key (the sitemap's, the
/// related posts') streams through the buffer instead of growing it. Either way the hash is that of all the bytes
/// added, in order. Nothing can be added once the key is read.
/// </remarks>
public sealed class InputKey
{
    private const int BufferSize = 1024;
    private byte[]? _bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;
    private XxHash128? _stream;
    private Hash128? _value;

    public InputKey Add(string? text)
    {
        if (text is null)
        {
            Add(-1);
            return this;
        }
        Add(text.Length);
        Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public InputKey Add(int value)
    {
        Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref value)));
        return this;
    }

    public InputKey Add(long value)
    {
        Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(ref value)));
        return this;
    }

    public InputKey Add(int? value) => value is null ? Add(int.MinValue) : Add(value.Value);

    public InputKey Add(DateTimeOffset value) => Add(value.UtcTicks).Add((long)value.Offset.TotalMinutes);

    public InputKey Add(Hash128 value) => Add((long)value.Lower).Add((long)value.Upper);

    public Hash128 Value
    {
        get
        {
            if (_value is { } value) return value;
            if (_stream is null) value = Of(_bytes.AsSpan(0, _length));
            else
            {
                _stream.Append(_bytes.AsSpan(0, _length));
                value = Hash128.From(_stream.GetCurrentHashAsUInt128());
            }
            ArrayPool<byte>.Shared.Return(_bytes!);
            _bytes = null;
            _value = value;
            return value;
        }
    }

    public static Hash128 Of(ReadOnlySpan<byte> bytes) => Hash128.From(XxHash128.HashToUInt128(bytes));

    public static Hash128 Of(string text) => Of(text.AsSpan());

    public static Hash128 Of(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var buffer = _bytes ?? throw new InvalidOperationException("This key has been read; nothing can be added to it.");
        if (_length + bytes.Length > buffer.Length)
        {
            _stream ??= new XxHash128();
            _stream.Append(buffer.AsSpan(0, _length));
            _length = 0;
            if (bytes.Length > buffer.Length)
            {
                _stream.Append(bytes);
                return;
            }
        }
        bytes.CopyTo(buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
