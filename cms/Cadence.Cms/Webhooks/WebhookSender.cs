using System.Net.Http.Headers;
using System.Text.Json;
using Cadence.Contract;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

public sealed record SendOutcome(bool Delivered, int? StatusCode, string? Error);

/// <summary>Makes one attempt at one delivery: a signed POST to a generic receiver, or a repository dispatch to GitHub.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "Cadence.Webhooks";
    public const string EventHeader = "Cadence-Event";
    public const string DeliveryHeader = "Cadence-Delivery";

    public async Task<SendOutcome> SendAsync(WebhookDelivery delivery, WebhookTarget target, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var payload = DeliveryPayload.For(delivery, now);
        using var request = target.Kind == WebhookKind.GitHub ? GitHubRequest(target, payload) : GenericRequest(target, payload, now);
        request.Headers.TryAddWithoutValidation(EventHeader, payload.Event);
        request.Headers.TryAddWithoutValidation(DeliveryHeader, payload.DeliveryId);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Cadence-Webhooks", "1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new SendOutcome(true, code, null)
                : new SendOutcome(false, code, $"The receiver answered {code} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(false, null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome(false, null, e.InnerException is PrivateTargetException p ? p.Message : e.Message);
        }
    }

    private static HttpRequestMessage GenericRequest(WebhookTarget target, DeliveryPayload payload, DateTimeOffset now)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, WebhookJson.Default.DeliveryPayload);
        var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(target.Secret ?? "", now.ToUnixTimeSeconds(), body));
        return request;
    }

    private HttpRequestMessage GitHubRequest(WebhookTarget target, DeliveryPayload payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new GitHubDispatch(GitHubDispatch.ContentChanged, payload), WebhookJson.Default.GitHubDispatch);
        var url = new Uri(options.Value.GitHubApiBaseUrl, $"repos/{target.Url}/dispatches");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        return request;
    }
}
