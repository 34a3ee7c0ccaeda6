using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cadence.Cms.Forms;

/// <summary>A body that cannot be read as a form: its HTTP status and, for 400, the field it concerns.</summary>
public sealed class FormBodyException(int status, string message, string field = "") : Exception(message)
{
    public int Status { get; } = status;
    public string Field { get; } = field;
}

/// <summary>
/// Reads a form post (urlencoded, multipart or JSON) into name/value pairs, refusing bodies over the size cap
/// and anything that is not valid UTF-8 rather than guessing with replacement characters.
/// </summary>
public static class FormBodyReader
{
    public const string UrlEncoded = "application/x-www-form-urlencoded";
    public const string Multipart = "multipart/form-data";
    public const string Json = "application/json";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsSupported(string? contentType, out MediaTypeHeaderValue? mediaType) =>
        MediaTypeHeaderValue.TryParse(contentType, out mediaType)
        && mediaType.MediaType.Value?.ToLowerInvariant() is UrlEncoded or Multipart or Json
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static async Task<List<KeyValuePair<string, string>>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsSupported(request.ContentType, out var mediaType) || mediaType is null)
            throw new FormBodyException(StatusCodes.Status415UnsupportedMediaType, "Send the form as application/x-www-form-urlencoded, multipart/form-data or application/json (UTF-8).");
        var body = await ReadCappedAsync(request, maxBytes, cancellationToken);
        if (!System.Text.Unicode.Utf8.IsValid(body)) throw InvalidUtf8();
        return mediaType.MediaType.Value!.ToLowerInvariant() switch
        {
            UrlEncoded => ParseUrlEncoded(body),
            Multipart => await ParseMultipartAsync(body, mediaType, cancellationToken),
            _ => ParseJson(body),
        };
    }

    /// <summary>
    /// The whole body as one array of its exact size, read from the request's pipe: no chunk buffer or growing copy per
    /// request, which under a busy form was a quarter of what a submission allocated.
    /// </summary>
    private static async Task<byte[]> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                throw TooLarge(maxBytes);
            }
            if (result.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }
            reader.AdvanceTo(buffer.Start, buffer.End); // nothing consumed yet: wait for more
        }
    }

    private static List<KeyValuePair<string, string>> ParseUrlEncoded(byte[] body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in new ReadOnlySpan<byte>(body).Split((byte)'&'))
        {
            var segment = body.AsSpan(part);
            if (segment.IsEmpty) continue;
            var equals = segment.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? segment : segment[..equals]);
            var value = equals < 0 ? "" : Decode(segment[(equals + 1)..]);
            pairs.Add(new(name, value));
        }
        return pairs;
    }

    /// <summary>Percent-decoding yields bytes; only then can invalid UTF-8 such as <c>%FF</c> be seen and refused.</summary>
    private static string Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = WebUtility.UrlDecodeToBytes(encoded.ToArray(), 0, encoded.Length);
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { throw InvalidUtf8(); }
    }

    private static async Task<List<KeyValuePair<string, string>>> ParseMultipartAsync(byte[] body, MediaTypeHeaderValue mediaType, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new FormBodyException(400, "The multipart body has no boundary.");
        var reader = new MultipartReader(boundary, new MemoryStream(body)) { HeadersCountLimit = 8, HeadersLengthLimit = 4096 };
        var pairs = new List<KeyValuePair<string, string>>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    throw new FormBodyException(400, "Every part of a multipart form needs a form-data disposition with a name.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition()) throw new FormBodyException(400, "Files cannot be sent with this form.", name);
                if (!disposition.IsFormDisposition())
                    throw new FormBodyException(400, "Every part of a multipart form needs a form-data disposition with a name.");
                using var value = new MemoryStream();
                await section.Body.CopyToAsync(value, cancellationToken);
                try { pairs.Add(new(name, StrictUtf8.GetString(value.ToArray()))); }
                catch (DecoderFallbackException) { throw InvalidUtf8(); }
            }
        }
        catch (IOException e) { throw new FormBodyException(400, $"The multipart body is malformed: {e.Message}"); }
        catch (InvalidDataException e) { throw new FormBodyException(400, $"The multipart body is malformed: {e.Message}"); }
        return pairs;
    }

    /// <summary>A flat JSON object; numbers and booleans are taken as their text, null as absent.</summary>
    private static List<KeyValuePair<string, string>> ParseJson(byte[] body)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 }); }
        catch (JsonException) { throw new FormBodyException(400, "The body is not valid JSON."); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormBodyException(400, "The body must be a JSON object of field names and values.");
            try
            {
                return JsonPairs(document.RootElement);
            }
            // A "\ud800" escape is valid JSON but no text: reading it as a string throws, and it is the sender's mistake.
            catch (InvalidOperationException)
            {
                throw new FormBodyException(400, "The form contains an escape (such as \\ud800) that is not a Unicode character.");
            }
        }
    }

    private static List<KeyValuePair<string, string>> JsonPairs(JsonElement root)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null: continue;
                case JsonValueKind.String: pairs.Add(new(property.Name, property.Value.GetString()!)); break;
                case JsonValueKind.Number: pairs.Add(new(property.Name, property.Value.GetRawText())); break;
                case JsonValueKind.True: pairs.Add(new(property.Name, "true")); break;
                case JsonValueKind.False: continue;
                default: throw new FormBodyException(400, "Give a single value.", property.Name);
            }
        }
        return pairs;
    }

    private static FormBodyException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The form is larger than {maxBytes / 1024} KB.");

    private static FormBodyException InvalidUtf8() => new(400, "The form contains text that is not valid UTF-8.");
}
