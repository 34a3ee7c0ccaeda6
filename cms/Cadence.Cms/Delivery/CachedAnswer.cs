using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cadence.Cms.Delivery;

/// <summary>One answer as <see cref="ContentVersionCache"/> keeps it: the body, the headers its endpoint set, its ETag.</summary>
public sealed class CachedAnswer
{
    private readonly KeyValuePair<string, StringValues>[] _headers;
    private readonly string? _etag;

    private CachedAnswer(byte[] body, KeyValuePair<string, StringValues>[] headers)
    {
        Body = body;
        _headers = headers;
        _etag = headers.FirstOrDefault(h => string.Equals(h.Key, HeaderNames.ETag, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public byte[] Body { get; }

    /// <summary>Answers the request with what was kept: a 304 when its <c>If-None-Match</c> names the ETag.</summary>
    public Task WriteToAsync(HttpContext http)
    {
        var response = http.Response;
        var notModified = _etag is not null && ETagged.Matches(http.Request.Headers.IfNoneMatch, _etag);
        foreach (var (name, value) in _headers)
            if (!notModified || !string.Equals(name, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)) response.Headers[name] = value;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body, http.RequestAborted).AsTask();
    }

    /// <summary>
    /// Runs the rest of the pipeline, sending its answer as it is written and keeping a copy: the answer, when it is a
    /// 200 without cookies of at most <paramref name="maxBytes"/>; null otherwise.
    /// </summary>
    public static async Task<CachedAnswer?> CaptureAsync(HttpContext http, RequestDelegate next, int maxBytes)
    {
        var response = http.Response;
        // Headers already there were set by middleware before the cache (HSTS, for one), which sets them again on every
        // request; as are those added as the answer starts (security headers, CORS): callbacks run last-registered
        // first, so the copy below is taken before theirs run.
        var setBefore = response.Headers.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        KeyValuePair<string, StringValues>[]? headers = null;
        response.OnStarting(() =>
        {
            headers = [.. response.Headers.Where(h => !setBefore.Contains(h.Key)
                && !string.Equals(h.Key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))];
            return Task.CompletedTask;
        });

        var sent = response.Body;
        var copy = new CopyingStream(sent, maxBytes);
        response.Body = copy;
        try
        {
            await next(http);
        }
        finally
        {
            response.Body = sent;
        }

        // An answer without a body never started within the pipeline (no headers were copied): nothing to keep.
        var keep = response.StatusCode == StatusCodes.Status200OK && headers is not null && copy.Complete
            && !headers.Any(h => string.Equals(h.Key, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase));
        return keep ? new CachedAnswer(copy.ToArray(), headers!) : null;
    }

    /// <summary>Passes every write on and keeps a copy, up to a limit past which it keeps nothing.</summary>
    private sealed class CopyingStream(Stream inner, int maxBytes) : Stream
    {
        private MemoryStream? _copy = new();

        public bool Complete => _copy is not null;

        public byte[] ToArray() => _copy!.ToArray();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null) return;
            if (_copy.Length + bytes.Length > maxBytes) _copy = null;
            else _copy.Write(bytes);
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
