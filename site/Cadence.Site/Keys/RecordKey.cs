using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cadence.Site.Keys;

/// <summary>
/// The key of a record: a hash of its JSON form, written by a source-generated serialiser. Every public property
/// is in the JSON unless it is marked <c>[JsonIgnore]</c>, so a field added to a page's input is part of its key
/// without anyone listing it; no reflection runs (the site is compiled ahead of time).
/// </summary>
public static class RecordKey
{
    // One buffer and writer per thread: pages are keyed in parallel, thousands per build.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    // Only hashed, never read back or shown: no escaping beyond what keeps values apart, and no structure checks.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static Hash128 Of<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        return InputKey.Of(buffer.WrittenSpan);
    }
}
