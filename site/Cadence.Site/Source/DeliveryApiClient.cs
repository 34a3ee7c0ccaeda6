using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cadence.Site.Source;

/// <summary>
/// Reads the delivery API (docs/delivery-api.md): bearer key, retries with backoff for transient failures,
/// and one-line <see cref="SourceException"/>s for everything a person has to fix.
/// </summary>
public sealed class DeliveryApiClient : IDisposable
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(1500)];
    private readonly HttpClient _http;

    public DeliveryApiClient(Uri api, string key, TimeSpan? timeout = null)
    {
        BaseAddress = api;
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, UseProxy = false })
        {
            BaseAddress = api,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Cadence.Site", "1.0"));
    }

    public Uri BaseAddress { get; }

    public Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct) =>
        GetJsonAsync(path, type, allowNotFound: false, ct)!;

    /// <returns>The document, or null when the CMS answers 404.</returns>
    public Task<T?> GetJsonOrNullAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct) where T : class =>
        GetJsonAsync(path, type, allowNotFound: true, ct);

    private Task<T?> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, bool allowNotFound, CancellationToken ct) =>
        SendAsync<T?>(path, async (response, url) =>
        {
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                return await JsonSerializer.DeserializeAsync(stream, type, ct)
                    ?? throw new SourceException($"The CMS answered an empty document at {url}.");
            }
            catch (JsonException e)
            {
                throw new SourceException($"The CMS answered something unexpected at {url}: {e.Message}", e);
            }
        }, ct, allowNotFound);

    /// <returns>The bytes, or null when the CMS has no such file (404).</returns>
    public Task<byte[]?> GetBytesOrNullAsync(string path, CancellationToken ct) =>
        SendAsync<byte[]?>(path, async (response, _) => await response.Content.ReadAsByteArrayAsync(ct), ct, allowNotFound: true);

    private async Task<T> SendAsync<T>(string path, Func<HttpResponseMessage, Uri, Task<T>> read, CancellationToken ct, bool allowNotFound = false)
    {
        var url = new Uri(BaseAddress, path);
        for (var attempt = 0; ; attempt++)
        {
            string transient;
            try
            {
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                if (response.IsSuccessStatusCode) return await read(response, url);
                if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound) return default!;
                var status = (int)response.StatusCode;
                if (status == 401 || status == 403)
                    throw new SourceException($"The CMS refused the content key ({status} {response.ReasonPhrase}) at {url}.");
                if (status != 408 && status != 429 && status < 500)
                    throw new SourceException($"The CMS answered {status} {response.ReasonPhrase} at {url}{await ProblemDetail(response, ct)}.");
                transient = $"{status} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                transient = e.InnerException?.Message ?? e.Message;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                transient = "the request timed out";
                _ = e;
            }

            if (attempt >= Backoff.Length)
                throw new SourceException($"The CMS at {BaseAddress} cannot be reached ({transient}) for {url.PathAndQuery}.");
            await Task.Delay(Backoff[attempt], ct);
        }
    }

    private static async Task<string> ProblemDetail(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? ": " + d.GetString()
                : doc.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? ": " + t.GetString() : "";
        }
        catch (Exception e) when (e is JsonException or HttpRequestException)
        {
            return "";
        }
    }

    public void Dispose() => _http.Dispose();
}
